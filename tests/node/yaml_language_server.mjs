// Validates YAML files with a JSON Schema through the YAML language server (the engine behind VS
// Code's YAML extension), as an editor would: the schema is served from memory at its $id, any
// other address fails (no network). Prints {"diagnostics": {file: ["line: message", ...]}} for the
// files with at least one diagnostic.
// Usage: node yaml_language_server.mjs SCHEMA FILE.yaml ...
import fs from 'fs';
import { getLanguageService } from 'yaml-language-server';
import { TextDocument } from 'vscode-languageserver-textdocument';

const [schemaFile, ...files] = process.argv.slice(2);
const schemaText = fs.readFileSync(schemaFile, 'utf8');
const schemaUri = JSON.parse(schemaText).$id;
const service = getLanguageService({
  schemaRequestService: async (uri) => {
    if (uri === schemaUri) return schemaText;
    throw new Error(`not fetched (offline): ${uri}`);
  },
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).toString() },
  clientCapabilities: {},
  yamlSettings: {},
});
service.configure({ validate: true, schemas: [{ uri: schemaUri, fileMatch: ['*.yaml'] }], customTags: [] });
const diagnostics = {};
for (const file of files) {
  const document = TextDocument.create(`file://${file}`, 'yaml', 1, fs.readFileSync(file, 'utf8'));
  const found = await service.doValidation(document, false);
  if (found.length) diagnostics[file] = found.map((d) => `${d.range.start.line + 1}: ${d.message}`);
}
process.stdout.write(JSON.stringify({ diagnostics }));
