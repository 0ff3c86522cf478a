import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import { childOf, type Located } from '../../../src/contracts/openapi/located.ts';
import { OpenApiDocument } from '../../../src/contracts/openapi/openapi-document.ts';
import { UnchangedSubtrees } from '../../../src/contracts/openapi/unchanged-subtrees.ts';
import { openapiEngine } from '../../../src/contracts/openapi/openapi-engine.ts';

const entry = (petRef: string, orderDescription: string): string =>
  `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Order:\n      type: object\n      description: ${orderDescription}\n      properties:\n        pet:\n          $ref: "${petRef}"\n    Pet:\n      type: object\n      properties:\n        id:\n          type: string\n`;

function source(name: string, text: string, petFile?: string): ContractSource {
  return { kind: 'openapi', entry: name, files: { [name]: text, ...(petFile ? { 'schemas/pet.yaml': petFile } : {}) } };
}

function schema(doc: OpenApiDocument, name: string): Located {
  return childOf(childOf(childOf(doc.root, 'components')!, 'schemas')!, name)!;
}

test('unchanged subtrees: entry files named differently still correspond (diff old.yaml new.yaml)', () => {
  const before = new OpenApiDocument(source('old.yaml', entry('#/components/schemas/Pet', 'first words')));
  const after = new OpenApiDocument(source('new.yaml', entry('#/components/schemas/Pet', 'other words')));
  assert.equal(new UnchangedSubtrees(before, after).unchanged(schema(before, 'Order'), schema(after, 'Order')), true);
});

test('unchanged subtrees: a change behind a $ref is seen across differently named entries', () => {
  const before = new OpenApiDocument(source('old.yaml', entry('#/components/schemas/Pet', 'x')));
  const after = new OpenApiDocument(source('new.yaml', entry('#/components/schemas/Pet', 'x').replace('id:\n          type: string', 'id:\n          type: integer')));
  assert.equal(new UnchangedSubtrees(before, after).unchanged(schema(before, 'Order'), schema(after, 'Order')), false);
});

test('unchanged subtrees: referenced files correspond by their key, and a change in one is seen', () => {
  const pet = 'Pet:\n  type: object\n  properties:\n    id:\n      type: string\n';
  const before = new OpenApiDocument(source('old.yaml', entry('schemas/pet.yaml#/Pet', 'x'), pet));
  const same = new OpenApiDocument(source('new.yaml', entry('schemas/pet.yaml#/Pet', 'x'), pet));
  const changed = new OpenApiDocument(source('new.yaml', entry('schemas/pet.yaml#/Pet', 'x'), pet.replace('string', 'integer')));
  assert.equal(new UnchangedSubtrees(before, same).unchanged(schema(before, 'Order'), schema(same, 'Order')), true);
  assert.equal(new UnchangedSubtrees(before, changed).unchanged(schema(before, 'Order'), schema(changed, 'Order')), false);
});

test('unchanged subtrees: a block shared by both readings still sees a change behind its $ref', () => {
  // Order's block is identical in both texts (and long enough to be shared); Pet behind it changes
  const spec = (petType: string): string =>
    `openapi: 3.0.3\ninfo:\n  title: t\n  version: "1"\npaths:\n  /orders:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: "#/components/schemas/Order"\ncomponents:\n  schemas:\n    Order:\n      type: object\n      description: ${'An order placed by a customer. '.repeat(12)}\n      properties:\n        pet:\n          $ref: "#/components/schemas/Pet"\n    Pet:\n      type: object\n      properties:\n        id:\n          type: ${petType}\n`;
  const findings = openapiEngine.compare(source('old.yaml', spec('string')), source('new.yaml', spec('integer')));
  assert.deepEqual(findings.map((finding) => finding.rule), ['RESPONSE_SCHEMA_TYPE_NO_CHANGE']);
  assert.equal(openapiEngine.compare(source('old.yaml', spec('string')), source('new.yaml', spec('string'))).length, 0);
});
