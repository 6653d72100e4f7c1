import { PytorchError } from "./pytorch-error.ts";
import { PyDict, PyTensor, type PyValue } from "./pickle-values.ts";

const WRAPPERS = ["state_dict", "model", "module"];

/**
 * The tensors of an unpickled state dict, in its order: every entry whose value is a tensor (other
 * values, such as `_extra_state` integers, are left out). A training checkpoint that wraps its
 * state dict under one of `state_dict`, `model` or `module` is unwrapped.
 */
export function stateDictTensors(root: PyValue, file: string): [string, PyTensor][] {
  if (!(root instanceof PyDict)) throw new PytorchError("not_a_state_dict", file, "data.pkl holds no dict of tensors (not a state dict)");
  const tensors = (dict: PyDict): [string, PyTensor][] =>
    [...dict.entries].filter((e): e is [string, PyTensor] => typeof e[0] === "string" && e[1] instanceof PyTensor);
  const direct = tensors(root);
  if (direct.length > 0) return direct;
  const wrapped = WRAPPERS.map((k) => root.entries.get(k)).filter((v): v is PyDict => v instanceof PyDict).map(tensors).filter((t) => t.length > 0);
  if (wrapped.length === 1) return wrapped[0];
  const keys = [...root.entries.keys()].slice(0, 8).map((k) => JSON.stringify(k)).join(", ");
  throw new PytorchError("not_a_state_dict", file, `data.pkl holds a dict without tensors at its top level (keys ${keys || "none"}): not a state dict`);
}
