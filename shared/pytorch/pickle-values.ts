import type { Dtype } from "../safetensors/types.ts";

/** A tuple (immutable) from the pickle. */
export class PyTuple {
  constructor(readonly items: PyValue[]) {}
}

/** A list from the pickle. */
export class PyList {
  readonly items: PyValue[] = [];
}

/** A dict or collections.OrderedDict; insertion order kept. Keys are strings, numbers or None. */
export class PyDict {
  readonly entries = new Map<string | number | null, PyValue>();
}

/** A reference to one of the allowed globals (never called, never imported). */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  get qualified(): string {
    return `${this.module}.${this.name}`;
  }
}

/** A storage named by a persistent id: ('storage', torch.FloatStorage, '0', 'cpu', numel). */
export class PyStorage {
  constructor(
    readonly key: string,
    /** the storage type, e.g. "FloatStorage" */
    readonly type: string,
    readonly dtype: Dtype,
    readonly location: string,
    /** elements of `dtype` (bytes for UntypedStorage) */
    readonly numel: number,
  ) {}
}

/** torch._utils._rebuild_tensor_v2(storage, offset, size, stride, …): a view into a storage, in elements. */
export class PyTensor {
  constructor(
    readonly storage: PyStorage,
    readonly offset: number,
    readonly size: number[],
    readonly stride: number[],
  ) {}
}

/** Something a state dict may carry that heavytail has no use for (a tensor layout). */
export class PyOpaque {
  constructor(readonly what: string) {}
}

export type PyValue = null | boolean | number | bigint | string | PyTuple | PyList | PyDict | PyGlobal | PyStorage | PyTensor | PyOpaque;
