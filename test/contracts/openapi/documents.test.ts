import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContractError } from '../../../src/contracts/contract-error.ts';
import { openapiEngine } from '../../../src/contracts/openapi/openapi-engine.ts';
import type { ContractSource } from '../../../src/model/contract-source.ts';
import { textSource } from './support.ts';

const rules = (before: ContractSource, after: ContractSource): string[] => openapiEngine.compare(before, after).map((f) => f.rule).sort();

test('Swagger 2.0: body parameters, form fields, x-nullable and produces are compared like 3.x', () => {
  const swagger = (bodyRequired: string[], nullable: boolean, produces: string[]) =>
    textSource(JSON.stringify({
      swagger: '2.0', info: { title: 't', version: '1' }, produces,
      paths: {
        '/pets': {
          post: { parameters: [{ in: 'body', name: 'pet', required: true, schema: { $ref: '#/definitions/Pet' } }], responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Pet' } } } },
          put: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ in: 'formData', name: 'name', type: 'string', required: bodyRequired.includes('form') }], responses: { '204': { description: 'ok' } } },
        },
      },
      definitions: { Pet: { type: 'object', required: bodyRequired.filter((x) => x !== 'form'), properties: { name: { type: 'string', 'x-nullable': nullable }, tag: { type: 'string' } } } },
    }), 'swagger.json');
  assert.deepEqual(rules(swagger([], false, ['application/json']), swagger(['tag', 'form'], true, ['application/json'])), [
    'REQUEST_PROPERTY_NO_BECOME_REQUIRED', // body property tag
    'REQUEST_PROPERTY_NO_BECOME_REQUIRED', // form field name
    'RESPONSE_SCHEMA_NO_BECOME_NULLABLE',
  ]);
  assert.deepEqual(rules(swagger([], false, ['application/json', 'application/xml']), swagger([], false, ['application/json'])), ['RESPONSE_MEDIA_TYPE_NO_DELETE']);
});

test('OpenAPI 3.1: type lists, numeric exclusiveMaximum and $ref with siblings', () => {
  const doc = (schema: object) => textSource(JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/n': { post: { requestBody: { content: { 'application/json': { schema } } }, responses: { '204': { description: 'ok' } } } } }, components: { schemas: { N: { type: ['integer', 'null'] } } } }));
  assert.deepEqual(rules(doc({ $ref: '#/components/schemas/N', description: 'n' }), doc({ type: 'integer' })), ['REQUEST_SCHEMA_NULLABLE_NO_REMOVE']);
  assert.deepEqual(rules(doc({ type: 'integer', maximum: 10 }), doc({ type: 'integer', exclusiveMaximum: 10 })), ['REQUEST_SCHEMA_MAX_NO_DECREASE']);
  assert.deepEqual(rules(doc({ type: 'integer', exclusiveMaximum: 10 }), doc({ type: 'integer', maximum: 10 })), []);
});

test('external $refs: findings point into the referenced file with its line', () => {
  const source = (petYaml: string): ContractSource => ({
    kind: 'openapi',
    entry: 'api/openapi.yaml',
    files: {
      'api/openapi.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /pets:\n    get:\n      responses:\n        "200":\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: "../schemas/pet.yaml#/Pet"\n',
      'schemas/pet.yaml': petYaml,
    },
  });
  const findings = openapiEngine.compare(
    source('Pet:\n  type: object\n  required: [id, name]\n  properties:\n    id:\n      type: string\n    name:\n      type: string\n'),
    source('Pet:\n  type: object\n  required: [id]\n  properties:\n    id:\n      type: string\n'),
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.rule, 'RESPONSE_REQUIRED_PROPERTY_NO_DELETE');
  assert.deepEqual(findings[0]!.before, { file: 'schemas/pet.yaml', pointer: '/Pet/properties/name', line: 7 });
  assert.deepEqual(findings[0]!.example, { id: 'text' });
});

test('circular schemas compare, and a change inside the cycle is found once', () => {
  const tree = (leafType: string) => textSource(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /tree:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Node"}
components:
  schemas:
    Node:
      type: object
      properties:
        value: {type: ${leafType}}
        children:
          type: array
          items: {$ref: "#/components/schemas/Node"}
`);
  const findings = openapiEngine.compare(tree('integer'), tree('number'));
  assert.deepEqual(findings.map((f) => [f.rule, f.subject]), [['RESPONSE_SCHEMA_TYPE_NO_CHANGE', 'GET /tree response 200 application/json value']]);
});

test('one root cause, one finding: a shared schema change used by 30 operations lists the others in `also`', () => {
  const paths = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`/things/${i}`, { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } } } }]));
  const doc = (required: string[]) => textSource(JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: paths(30), components: { schemas: { Thing: { type: 'object', required, properties: { id: { type: 'string' }, name: { type: 'string' } } } } } }));
  const findings = openapiEngine.compare(doc(['id', 'name']), doc(['id']));
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.rule, 'RESPONSE_PROPERTY_NO_BECOME_OPTIONAL');
  assert.equal(findings[0]!.also?.length, 29);
});

test('identity: renamed path parameters, reordered parameters and header case are no change', () => {
  const doc = (name: string, header: string, reversed: boolean) => {
    const parameters = [{ name, in: 'path', required: true, schema: { type: 'string' } }, { name: header, in: 'header', schema: { type: 'string' } }];
    return textSource(JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { [`/pets/{${name}}`]: { get: { parameters: reversed ? parameters.reverse() : parameters, responses: { '204': { description: 'ok' } } } } } }));
  };
  assert.deepEqual(rules(doc('id', 'X-Request-Id', false), doc('petId', 'x-request-id', true)), []);
});

test('bad documents: a ContractError naming the file, line and pointer', () => {
  const good = textSource('openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n');
  const cases: [ContractSource, RegExp][] = [
    [textSource('openapi: 3.0.3\npaths:\n  /a: {get: {responses: {"200": {$ref: "#/components/responses/Missing"}}}}\n'), /points at nothing/],
    [textSource('openapi: 3.0.3\npaths: [1, 2]\n'), /`paths` must be an object/],
    [textSource('title: not a spec\n'), /no `openapi` or `swagger` field/],
    [textSource('openapi: 3.0.3\npaths:\n  /a:\n    get: {\n'), /not valid YAML/],
    [textSource('openapi: 3.0.3\npaths:\n  /a: {get: {responses: {"200": {$ref: "other.yaml#/R"}}}}\n'), /referenced file other.yaml is not part of the contract/],
  ];
  for (const [bad, message] of cases) {
    assert.throws(() => openapiEngine.compare(good, bad), (error: unknown) => {
      assert.ok(error instanceof ContractError, String(error));
      assert.match(error.message, message);
      assert.equal(error.location.file, 'openapi.yaml');
      return true;
    });
  }
  assert.throws(() => openapiEngine.compare(good, cases[0]![0]), /openapi\.yaml:3: .*\(at \/paths\/~1a\/get\/responses\/200\)/);
});

test('satisfies: a consumer listing operations is checked only on those', () => {
  const provider = textSource('openapi: 3.0.3\ninfo: {title: p, version: "1"}\npaths:\n  /a: {get: {operationId: getA, responses: {"204": {description: ok}}}}\n');
  assert.deepEqual(openapiEngine.satisfies(provider, { operations: ['getA', 'GET /a'] }), []);
  const missing = openapiEngine.satisfies(provider, { operations: ['POST /b'] });
  assert.deepEqual(missing.map((f) => [f.rule, f.subject]), [['OPERATION_NO_DELETE', 'POST /b']]);
});

test('callbacks and webhooks run the other way: what the provider sends may narrow, what it reads back may widen', () => {
  const doc = (sent: object, answered: object) =>
    textSource(JSON.stringify({
      openapi: '3.1.0', info: { title: 't', version: '1' },
      paths: { '/subscribe': { post: { responses: { '201': { description: 'ok' } }, callbacks: { event: { '{$request.body#/url}': { post: {
        requestBody: { content: { 'application/json': { schema: sent } } },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: answered } } } },
      } } } } } } },
      webhooks: { ping: { post: { requestBody: { content: { 'application/json': { schema: sent } } }, responses: { '200': { description: 'ok' } } } } },
    }));
  const narrow = { type: 'object', required: ['id'], properties: { id: { type: 'string' } } };
  const wide = { type: 'object', properties: { id: { type: 'string' } } };
  // the provider starts sending events without `id`: implementers relied on it
  assert.deepEqual(openapiEngine.compare(doc(narrow, wide), doc(wide, wide)).map((f) => [f.rule, f.subject]).sort(), [
    ['RESPONSE_PROPERTY_NO_BECOME_OPTIONAL', 'POST /subscribe callback event POST {$request.body#/url} request body application/json'],
    ['RESPONSE_PROPERTY_NO_BECOME_OPTIONAL', 'WEBHOOK POST ping request body application/json'],
  ]);
  // the provider now demands `id` in the implementers' answers
  assert.deepEqual(openapiEngine.compare(doc(wide, wide), doc(wide, narrow)).map((f) => f.rule), ['REQUEST_PROPERTY_NO_BECOME_REQUIRED']);
  // and the reverse changes are safe
  assert.deepEqual(openapiEngine.compare(doc(wide, narrow), doc(narrow, wide)), []);
});

test('satisfies: a consumer subset spec is checked for what it states, not for what it leaves out', () => {
  const provider = textSource(JSON.stringify({
    openapi: '3.0.3', info: { title: 'p', version: '1' }, security: [{ key: [] }],
    components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
    paths: { '/orders/{id}': { get: { operationId: 'getOrder', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['id', 'total'], properties: { id: { type: 'string' }, total: { type: 'number' }, notes: { type: 'string' } } } } } }, '404': { description: 'none' } } } } },
  }));
  const consumer = (properties: object, required: string[]) => textSource(JSON.stringify({
    openapi: '3.0.3', info: { title: 'c', version: '1' },
    paths: { '/orders/{orderId}': { get: { operationId: 'fetchOrder', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required, properties } } } } } } } },
  }));
  const served = openapiEngine.satisfies(provider, { contract: consumer({ id: { type: 'string' } }, ['id']) });
  assert.deepEqual(served.filter((f) => f.severity !== 'info').map((f) => f.rule), []);
  const missing = openapiEngine.satisfies(provider, { contract: consumer({ id: { type: 'string' }, status: { type: 'string' } }, ['id', 'status']) });
  assert.deepEqual(missing.filter((f) => f.severity === 'breaking').map((f) => [f.rule, f.subject]), [['RESPONSE_REQUIRED_PROPERTY_NO_DELETE', 'GET /orders/{id} response 200 application/json']]);
});
