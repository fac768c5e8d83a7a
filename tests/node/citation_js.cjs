// Reads a citation file with citation-js, as a reference manager or a site built on it would, and
// prints what it understood: {"items": [CSL-JSON items], "apa": [one APA reference per item]}.
// Usage: node citation_js.cjs ris|bibtex|csl FILE
'use strict';
const fs = require('fs');
const { Cite } = require('@citation-js/core');
require('@citation-js/plugin-ris');
require('@citation-js/plugin-bibtex');
require('@citation-js/plugin-csl');

const FORMATS = { ris: '@ris/file', bibtex: '@biblatex/text', csl: '@csl/list+object' };
const [kind, file] = process.argv.slice(2);
if (!(kind in FORMATS) || !file) {
  process.stderr.write('usage: node citation_js.cjs ris|bibtex|csl FILE\n');
  process.exit(2);
}
const text = fs.readFileSync(file, 'utf8');
const input = kind === 'csl' ? JSON.parse(text) : text;
const cite = new Cite(input, { forceType: FORMATS[kind] });
const items = cite.data.map(({ _graph, ...item }) => item);
const apa = cite.data.map((item) => new Cite(item).format('bibliography', { template: 'apa', format: 'text' }).trim());
process.stdout.write(JSON.stringify({ items, apa }));
