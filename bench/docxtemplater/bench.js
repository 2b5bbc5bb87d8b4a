'use strict';
// docxtemplater's time per document (issue 6's anchor), in one node process:
//   node bench.js CONVERTED.docx DATA.json N OUT.docx
// The template is read once; each document gets a new PizZip and Docxtemplater, as
// docxtemplater's documentation recommends (a Docxtemplater instance renders once), and is
// compressed with DEFLATE like a DOCX saved by Word. The first document is a warm-up outside
// the timing (the JIT compiles on it) and is written to OUT.docx for the text comparison.
// Prints one line: "<wall ms per document> <CPU ms per document> <output bytes>"; CPU time
// (all threads of the process: the garbage collector's helpers too) because the machine is
// shared and wall time there includes waiting for a core.
const fs = require('fs');
const PizZip = require('pizzip');
const Docxtemplater = require('docxtemplater');

const [templateFile, dataFile, count, outFile] = process.argv.slice(2);
const n = Number(count);
if (!outFile || !(n >= 1)) {
  console.error('usage: node bench.js CONVERTED.docx DATA.json N OUT.docx');
  process.exit(2);
}
const template = fs.readFileSync(templateFile, 'binary');
const data = JSON.parse(fs.readFileSync(dataFile, 'utf8'));

function render() {
  const doc = new Docxtemplater(new PizZip(template), {
    // A block whose tags stand alone in their paragraphs repeats/keeps those paragraphs and
    // drops the tag paragraphs — our engine's paragraph blocks (CONTRACTS §4).
    paragraphLoop: true,
    // A newline in a value becomes a line break, as in ours.
    linebreaks: true,
    // Every field is in the data (bench_docxtemplater_fields); a missing one is a bug.
    nullGetter(part) {
      throw new Error('no value for ' + (part.value || part.type));
    },
  });
  doc.render(data);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const first = render();
fs.writeFileSync(outFile, first);
let total = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
for (let k = 0; k < n; k++) total += render().length;
const cpu = process.cpuUsage(cpuStart);
const perDoc = Number(process.hrtime.bigint() - start) / 1e6 / n;
const cpuPerDoc = (cpu.user + cpu.system) / 1e3 / n;
if (total !== first.length * n) throw new Error('the size of the document changed between renderings');
console.log(perDoc.toFixed(4) + ' ' + cpuPerDoc.toFixed(4) + ' ' + first.length);
