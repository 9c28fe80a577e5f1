import { createContext, useContext } from 'react';
import type { Finding } from '../model/findings.js';
import type { JsonObject } from '../model/reply-edit.js';

/** What every builder control needs: the reply, a way to change it, and the validator's findings. */
export interface BuilderApi {
  root: JsonObject;
  update: (change: (root: JsonObject) => JsonObject) => void;
  findings: readonly Finding[];
}

export const BuilderContext = createContext<BuilderApi | null>(null);

export function useBuilder(): BuilderApi {
  const api = useContext(BuilderContext);
  if (!api) throw new Error('Builder controls must be inside a ReplyBuilder.');
  return api;
}
