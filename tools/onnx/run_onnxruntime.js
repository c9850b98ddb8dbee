// Runs each case folder's model.onnx in ONNX Runtime (CPU) on the case's inputs and compares every output with the
// values the library computed, within the case's tolerance. Usage: node run_onnxruntime.js CASE_DIR...
// A case folder holds model.onnx, case.json (name, tolerance, inputs and outputs: name, dims, file) and raw
// little-endian float32 files. Prints one line per case; exits 1 when any case fails.
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require('onnxruntime-node');

function readFloats(file, count) {
  const bytes = fs.readFileSync(file);
  if (bytes.length !== count * 4) throw new Error(`${file} holds ${bytes.length} bytes, expected ${count * 4} (${count} float32 values)`);
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = bytes.readFloatLE(i * 4);
  return values;
}

const product = (dims) => dims.reduce((a, b) => a * b, 1);

async function runCase(dir) {
  const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8'));
  const session = await ort.InferenceSession.create(path.join(dir, 'model.onnx'));
  const feeds = {};
  for (const input of spec.inputs) {
    feeds[input.name] = new ort.Tensor('float32', readFloats(path.join(dir, input.file), product(input.dims)), input.dims);
  }
  const results = await session.run(feeds);
  const parts = [];
  let ok = true;
  for (const output of spec.outputs) {
    const actual = results[output.name];
    if (!actual) throw new Error(`the model has no output '${output.name}' (it has ${Object.keys(results).join(', ')})`);
    if (JSON.stringify(Array.from(actual.dims)) !== JSON.stringify(output.dims)) {
      throw new Error(`output '${output.name}' has dims [${actual.dims}], expected [${output.dims}]`);
    }
    const expected = readFloats(path.join(dir, output.file), product(output.dims));
    let max = 0;
    for (let i = 0; i < expected.length; i++) {
      const diff = Math.abs(actual.data[i] - expected[i]);
      if (!(diff <= max)) max = diff; // NaN propagates as a failure
    }
    if (!(max <= spec.tolerance)) ok = false;
    parts.push(`${output.name} max |diff| ${max.toExponential(2)} over ${expected.length} values`);
  }
  console.log(`${ok ? 'PASS' : 'FAIL'} ${spec.name}: ${parts.join('; ')} (tolerance ${spec.tolerance})`);
  return ok;
}

(async () => {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) { console.error('usage: node run_onnxruntime.js CASE_DIR...'); process.exit(2); }
  let failed = 0;
  for (const dir of dirs) {
    try {
      if (!(await runCase(dir))) failed++;
    } catch (e) {
      failed++;
      console.log(`FAIL ${dir}: ${e.message}`);
    }
  }
  const version = require('onnxruntime-node/package.json').version;
  console.log(`ONNX Runtime ${version} (node): ${dirs.length - failed} of ${dirs.length} cases agree`);
  process.exit(failed === 0 ? 0 : 1);
})();
