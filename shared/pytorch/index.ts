// PyTorch checkpoints (.bin / .pt): the zip archive, the pickle and the state dict's tensors.
export { isPytorchIndex } from "./list-pytorch-tensors.ts";
export { parsePytorchIndex } from "./parse-pytorch-index.ts";
