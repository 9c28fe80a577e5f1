import type { MethodName, MethodOutput, MethodParams } from '../../../shared/contract/index.js';

export type Handler<K extends MethodName> = (
  params: MethodParams<K>,
) => MethodOutput<K> | Promise<MethodOutput<K>>;

/** Handlers for a group of methods; the composition root merges groups into the full `Handlers`. */
export type HandlerGroup<K extends MethodName> = { [P in K]: Handler<P> };

/** One handler per method of the contract: a missing one is a compile error. */
export type Handlers = HandlerGroup<MethodName>;
