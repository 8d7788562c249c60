import { readFileSync } from 'fs';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { PERF_FUNCTIONS } from '../../src/functions/perf';

/**
 * functions.json is generated from the JSDoc of functions.ts at build time (by
 * custom-functions-metadata-plugin); functions.zh-CN.json is written by hand. Excel
 * swaps the second in for Chinese users, so both must describe the same functions.
 */

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}
interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMeta[];
}

/** Everything but the words: what Excel checks a call against. */
function shape(m: Metadata) {
  return {
    allowCustomDataForDataTypeAny: m.allowCustomDataForDataTypeAny,
    functions: m.functions.map((f) => ({
      id: f.id,
      name: f.name,
      options: f.options,
      result: f.result,
      parameters: f.parameters.map((p) => ({
        name: p.name,
        type: p.type,
        dimensionality: p.dimensionality,
        optional: p.optional,
        repeating: p.repeating,
      })),
    })),
  };
}

const CJK = /[\u4e00-\u9fff]/;

describe('custom function metadata', () => {
  let generated: Metadata;
  const zh: Metadata = JSON.parse(readFileSync(`${__dirname}/../../src/functions/functions.zh-CN.json`, 'utf8'));

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(`${__dirname}/../../src/functions/functions.ts`);
    expect(result.errors).toEqual([]);
    generated = JSON.parse(result.metadataJson);
  }, 60000);

  it('generates the six PERF functions from functions.ts, with what each takes', () => {
    expect(generated.functions.map((f) => f.id)).toEqual(PERF_FUNCTIONS.map((f) => f.name));
    const params = Object.fromEntries(generated.functions.map((f) => [f.id, f.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}${p.dimensionality === 'matrix' ? '[][]' : ''}`)]));
    expect(params).toEqual({
      RATE: ['budget', 'actual', 'profile?'],
      SCORE: ['budget', 'actual', 'weight?', 'profile?'],
      INDICATOR: ['target', 'actual', 'weight'],
      GRADE: ['total'],
      TOTAL: ['scores[][]', 'fundScore?'],
      CHECK: ['row[][]'],
    });
    const results = Object.fromEntries(generated.functions.map((f) => [f.id, f.result.type]));
    expect(results).toEqual({ RATE: 'number', SCORE: 'number', INDICATOR: 'number', GRADE: 'string', TOTAL: 'number', CHECK: 'string' });
  });

  it('has the zh-CN file describe exactly the same functions, parameters and results', () => {
    expect(shape(zh)).toEqual(shape(generated));
  });

  it('has Chinese help for every function and every argument', () => {
    for (const f of zh.functions) {
      expect([f.id, CJK.test(f.description ?? '')]).toEqual([f.id, true]);
      for (const p of f.parameters) expect([f.id, p.name, CJK.test(p.description ?? '')]).toEqual([f.id, p.name, true]);
    }
  });
});
