/**
 * AutoAWQ's GEMM packing: nibble k of a word holds output column 8j + AWQ_ORDER[k]
 * (awq/utils/packing_utils.py, AWQ_ORDER = [0, 2, 4, 6, 1, 3, 5, 7]); column 8j + p is thus in
 * nibble AWQ_NIBBLE_OF[p] (its AWQ_REVERSE_ORDER).
 */
export const AWQ_ORDER = [0, 2, 4, 6, 1, 3, 5, 7] as const;
export const AWQ_NIBBLE_OF = [0, 4, 1, 5, 2, 6, 3, 7] as const;
