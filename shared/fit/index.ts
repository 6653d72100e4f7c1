// The fits of an ESD: the power law ρ(λ) ~ λ^−α (weightwatcher's xmin search and KS distance) and Marchenko–Pastur.
export { fitMarchenkoPastur } from "./fit-marchenko-pastur.ts";
export { fitPowerLaw } from "./fit-power-law.ts";
