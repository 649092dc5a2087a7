import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, jsonForScript, raw } from '../../../../src/report/html/escape.js';

test('escapeHtml neutralises markup characters', () => {
  assert.equal(
    escapeHtml(`<b class="x">Tom & Jerry's</b>`),
    '&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;',
  );
});

test('the html template escapes values but keeps nested templates and raw markup', () => {
  const name = '<script>alert(1)</script>';
  const out = html`<p>${name} ${html`<i>${'a&b'}</i>`} ${raw('<hr>')} ${null}${[1, '<', html`<br>`]}</p>`;
  assert.equal(out.value, '<p>&lt;script&gt;alert(1)&lt;/script&gt; <i>a&amp;b</i> <hr> 1&lt;<br></p>');
});

test('jsonForScript cannot close its script element and still parses to the same value', () => {
  const value = { name: '</script><script>alert(1)</script>', line: 'a\u2028b' };
  const json = jsonForScript(value);
  assert.ok(!json.includes('</'), json);
  assert.ok(!json.includes('\u2028'));
  assert.deepEqual(JSON.parse(json), value);
});
