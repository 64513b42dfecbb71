/** The CLI's --config file: plain settings, or a VS Code settings.json with comments and prefixes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSettingsFile, stripJsonComments } from '../../server/src/cli/settingsFile';

describe('settings file', () => {
  it('takes plain settings as they are', () => {
    assert.deepEqual(parseSettingsFile('{"targetKubernetesVersion": "1.29"}'), { targetKubernetesVersion: '1.29' });
  });

  it('takes the netpolLens.* keys of a VS Code settings.json and ignores the rest', () => {
    const text = '\uFEFF{\n  "files.eol": "\\n",\n  "netpolLens.externalNamespaces": ["monitoring"],\n  "netpolLens.codeLens.enabled": false\n}';
    assert.deepEqual(parseSettingsFile(text), { externalNamespaces: ['monitoring'], codeLensEnabled: false });
  });

  it('drops comments and trailing commas, but not what looks like them inside strings', () => {
    const text = '{ "a": "http://x, ]", // line\n "b": [1, 2, /* block, } */ ],\n "c": "\\"//\\"", }';
    assert.deepEqual(JSON.parse(stripJsonComments(text)), { a: 'http://x, ]', b: [1, 2], c: '"//"' });
  });

  it('refuses what is not a JSON object', () => {
    assert.throws(() => parseSettingsFile('[1]'), SyntaxError);
    assert.throws(() => parseSettingsFile('{"a": }'), SyntaxError);
  });
});
