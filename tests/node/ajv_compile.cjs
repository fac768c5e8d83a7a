// Compiles a JSON Schema with Ajv's draft 2020-12 class at its default settings (strict mode), then
// validates each JSON document given after it; prints {"errors": {file: [messages]}, "warnings": [...]}.
// Usage: node ajv_compile.cjs SCHEMA [DOCUMENT.json ...]
'use strict';
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020').default;

const [schemaFile, ...documents] = process.argv.slice(2);
const warnings = [];
const logger = { log: () => {}, warn: (...args) => warnings.push(args.join(' ')), error: (...args) => warnings.push(args.join(' ')) };
const ajv = new Ajv2020({ logger });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
const errors = {};
for (const file of documents) {
  if (!validate(JSON.parse(fs.readFileSync(file, 'utf8')))) {
    errors[file] = validate.errors.map((error) => `${error.instancePath} ${error.message}`);
  }
}
process.stdout.write(JSON.stringify({ errors, warnings }));
