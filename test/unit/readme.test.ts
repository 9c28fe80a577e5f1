import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { events, methods } from '../../shared/contract/index.js';
import { settingDefinitions } from '../../shared/settings/index.js';
import { SERVE_HELP } from '../../electron/serve/cli-args.js';

const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

// README is the scripting API's documentation: it must name everything the contract offers.
describe('README', () => {
  it('documents every API method', () => {
    const missing = Object.keys(methods).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('documents every event', () => {
    const missing = Object.keys(events).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });

  it('documents every setting', () => {
    const missing = Object.keys(settingDefinitions).filter((key) => !readme.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });

  it('documents every serve flag', () => {
    const flags = [...SERVE_HELP.matchAll(/--[a-z-]+/gu)].map((match) => match[0]);
    const missing = [...new Set(flags)].filter((flag) => !readme.includes(`\`${flag}`));
    expect(missing).toEqual([]);
  });

  it('gives the two commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
