// Parse .argdown files with the real Argdown parser and print, as a JSON list (one item per file),
// what it kept: statements and arguments with their data, relations, the front matter, and errors.
//   node tests/tools/argdown_read.mjs FILE.argdown...   (run where node_modules holds @argdown/cli)
// `argdown json` drops statement data unless configured and never writes the front matter,
// so this runs the same processes through @argdown/node (a dependency of @argdown/cli).
import { createRequire } from "module";
import fs from "fs";

const require = createRequire(process.cwd() + "/");
const { argdown } = require("@argdown/node");

const results = [];
for (const file of process.argv.slice(2)) {
  const response = await argdown.runAsync({
    input: fs.readFileSync(file, "utf8"),
    process: ["parse-input", "build-model", "colorize", "export-json"],
    json: { exportData: true, exportMap: false, exportSections: false },
    logLevel: "error",
  });
  const out = response.json ? JSON.parse(response.json) : { statements: {}, arguments: {}, relations: [] };
  out.frontMatter = response.frontMatter ?? null;
  out.lexerErrors = (response.lexerErrors || []).map((e) => e.message);
  out.parserErrors = (response.parserErrors || []).map((e) => e.message);
  out.exceptions = (response.exceptions || []).map((e) => String(e));
  results.push(out);
}
process.stdout.write(JSON.stringify(results));
