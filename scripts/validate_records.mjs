#!/usr/bin/env node
// Validate records against a published schema with ajv, the JavaScript validator most tools
// use, in its default strict mode with ajv-formats: the schema must compile unchanged, and
// every record must pass.
//
// Usage: node scripts/validate_records.mjs SCHEMA RECORDS.jsonl...
//   (needs `npm install ajv-cli ajv-formats`, which brings ajv; CI installs them)
//
// Prints each invalid record's line and errors, then a summary; exits 1 if any record is
// invalid or none was read.

import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, ...paths] = process.argv.slice(2);
if (!schemaPath || paths.length === 0) {
  console.error("usage: node scripts/validate_records.mjs SCHEMA RECORDS.jsonl...");
  process.exit(2);
}
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

let n = 0;
let bad = 0;
for (const path of paths) {
  const lines = readFileSync(path, "utf8").split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    n += 1;
    if (!validate(JSON.parse(line))) {
      bad += 1;
      for (const e of validate.errors) {
        console.log(`${path}:${i + 1}: ${e.instancePath || "(record)"}: ${e.message}`);
      }
    }
  });
}
console.log(`${n} records checked against ${schemaPath} with ajv (strict): ${n - bad} valid, ${bad} invalid`);
process.exit(bad > 0 || n === 0 ? 1 : 0);
