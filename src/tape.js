// The objects of a result written as a tape by src/tape.rs (its table says what each op means):
// one pass, in JS, with no call back into the wasm.
const NULL = 0, FALSE = 1, TRUE = 2, NUMBER = 3, STRING = 4, ARRAY = 5, OBJECT = 6;

/**
 * @param {Uint32Array} ops the ops and their operands
 * @param {Float64Array} numbers the numbers, in the order NUMBER ops take them
 * @param {string} text every distinct string, concatenated
 * @param {Uint32Array} ends the UTF-16 end of each string in `text`
 */
export function objectsOf(ops, numbers, text, ends) {
  const strings = new Array(ends.length);
  for (let i = 0, start = 0; i < ends.length; start = ends[i++]) strings[i] = text.slice(start, ends[i]);
  let at = 0;
  let nextNumber = 0;
  function value() {
    switch (ops[at++]) {
      case NULL: return null;
      case FALSE: return false;
      case TRUE: return true;
      case NUMBER: return numbers[nextNumber++];
      case STRING: return strings[ops[at++]];
      case ARRAY: {
        const array = [];
        for (let n = ops[at++]; n > 0; n--) array.push(value());
        return array;
      }
      case OBJECT: {
        const object = {};
        for (let n = ops[at++]; n > 0; n--) {
          const key = strings[ops[at++]];
          object[key] = value();
        }
        return object;
      }
      default: throw new Error(`a result's tape is broken at op ${at - 1}`);
    }
  }
  return value();
}
