/**
 * Per-rule cases: for every OpenAPI rule at least one pair where it fires and one close pair where
 * it must stay quiet (usually the reverse change, or the same change in the other direction).
 */
export interface RuleCase {
  readonly rule: string;
  readonly fires: boolean;
  readonly name: string;
  readonly before: object;
  readonly after: object;
  /** Expected example payload, where the rule builds one. */
  readonly example?: unknown;
  readonly settings?: Readonly<Record<string, unknown>>;
}

type Json = Record<string, unknown>;

const api = (paths: Json, extra: Json = {}): Json => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, ...extra });
const ok = { '204': { description: 'ok' } };
/** POST /items whose request body has the given schema. */
const post = (schema: Json, body: Json = {}): Json => api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema } }, ...body }, responses: ok } } });
/** GET /items whose 200 response has the given schema. */
const get = (schema: Json): Json => api({ '/items': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } } });
/** GET /items with extra operation fields. */
const op = (fields: Json, extra: Json = {}): Json => api({ '/items': { get: { responses: ok, ...fields } } }, extra);
const query = (param: Json): Json => op({ parameters: [{ name: 'q', in: 'query', schema: { type: 'string' }, ...param }] });
const responses = (value: Json): Json => op({ responses: value });
const obj = (properties: Json, required: string[] = [], extra: Json = {}): Json => ({ type: 'object', properties, ...(required.length ? { required } : {}), ...extra });
const str = { type: 'string' };
const int = { type: 'integer' };
const bearer = { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://x/token', scopes: { read: 'r', write: 'w' } } } } } } };

const pair = (rule: string, name: string, before: Json, after: Json, example?: unknown): RuleCase[] => [
  { rule, fires: true, name, before, after, ...(example !== undefined ? { example } : {}) },
];
const quiet = (rule: string, name: string, before: Json, after: Json): RuleCase => ({ rule, fires: false, name, before, after });

export const RULE_CASES: readonly RuleCase[] = [
  ...pair('OPERATION_NO_DELETE', 'an operation is removed', op({}), api({})),
  quiet('OPERATION_NO_DELETE', 'an operation is added', api({}), op({})),
  { rule: 'OPERATION_NO_DELETE', fires: false, name: 'a deprecated operation is removed after its sunset', before: op({ deprecated: true, 'x-sunset': '2024-01-01' }), after: api({}), settings: { now: '2025-01-01' } },
  { rule: 'OPERATION_DELETE_AFTER_SUNSET', fires: true, name: 'removed after sunset', before: op({ deprecated: true, 'x-sunset': '2024-01-01' }), after: api({}), settings: { now: '2025-01-01' } },
  { rule: 'OPERATION_DELETE_AFTER_SUNSET', fires: false, name: 'removed before sunset', before: op({ deprecated: true, 'x-sunset': '2026-01-01' }), after: api({}), settings: { now: '2025-01-01' } },
  ...pair('OPERATION_STABILITY_NO_DECREASE', 'stable to beta', op({ 'x-stability-level': 'stable' }), op({ 'x-stability-level': 'beta' })),
  quiet('OPERATION_STABILITY_NO_DECREASE', 'alpha to beta', op({ 'x-stability-level': 'alpha' }), op({ 'x-stability-level': 'beta' })),
  ...pair('OPERATION_STABILITY_LEVEL_VALID', 'unknown level', op({}), op({ 'x-stability-level': 'gamma' })),
  quiet('OPERATION_STABILITY_LEVEL_VALID', 'known level', op({}), op({ 'x-stability-level': 'draft' })),
  ...pair('OPERATION_DEPRECATION_NOTED', 'deprecated', op({}), op({ deprecated: true })),
  quiet('OPERATION_DEPRECATION_NOTED', 'undeprecated', op({ deprecated: true }), op({})),
  ...pair('OPERATION_SUNSET_NO_EARLIER', 'sunset moved earlier', op({ deprecated: true, 'x-sunset': '2026-06-01' }), op({ deprecated: true, 'x-sunset': '2026-01-01' })),
  quiet('OPERATION_SUNSET_NO_EARLIER', 'sunset moved later', op({ deprecated: true, 'x-sunset': '2026-01-01' }), op({ deprecated: true, 'x-sunset': '2026-06-01' })),
  ...pair('OPERATION_ID_NO_CHANGE', 'renamed operationId', op({ operationId: 'listItems' }), op({ operationId: 'getItems' })),
  quiet('OPERATION_ID_NO_CHANGE', 'operationId added', op({}), op({ operationId: 'getItems' })),
  ...pair('SECURITY_REQUIREMENT_NO_NARROW', 'anonymous access now needs a token', op({}, bearer), op({ security: [{ bearer: [] }] }, bearer)),
  quiet('SECURITY_REQUIREMENT_NO_NARROW', 'a token is no longer needed', op({ security: [{ bearer: [] }] }, bearer), op({ security: [{ bearer: [] }, {}] }, bearer)),
  ...pair('SECURITY_SCOPE_NO_ADD', 'a scope is added', op({ security: [{ oauth: ['read'] }] }, bearer), op({ security: [{ oauth: ['read', 'write'] }] }, bearer)),
  quiet('SECURITY_SCOPE_NO_ADD', 'a scope is dropped', op({ security: [{ oauth: ['read', 'write'] }] }, bearer), op({ security: [{ oauth: ['read'] }] }, bearer)),
  ...pair('SECURITY_SCHEME_NO_CHANGE', 'api key moves from header to query', op({ security: [{ key: [] }] }, { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } } }), op({ security: [{ key: [] }] }, { components: { securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'X-Key' } } } })),
  quiet('SECURITY_SCHEME_NO_CHANGE', 'only the description changes', op({ security: [{ key: [] }] }, { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } } }), op({ security: [{ key: [] }] }, { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-key', description: 'the key' } } } })),
  ...pair('REQUEST_PARAMETER_REQUIRED_NO_ADD', 'a required query parameter is added', op({}), query({ required: true })),
  quiet('REQUEST_PARAMETER_REQUIRED_NO_ADD', 'an optional query parameter is added', op({}), query({})),
  ...pair('REQUEST_PARAMETER_NO_BECOME_REQUIRED', 'optional to required', query({}), query({ required: true })),
  quiet('REQUEST_PARAMETER_NO_BECOME_REQUIRED', 'required to optional', query({ required: true }), query({})),
  ...pair('REQUEST_PARAMETER_NO_DELETE', 'a parameter is removed', query({}), op({})),
  quiet('REQUEST_PARAMETER_NO_DELETE', 'a header parameter changes case only', op({ parameters: [{ name: 'X-Trace', in: 'header', schema: str }] }), op({ parameters: [{ name: 'x-trace', in: 'header', schema: str }] })),
  ...pair('REQUEST_PARAMETER_STYLE_NO_CHANGE', 'explode turned off', query({ schema: { type: 'array', items: str } }), query({ schema: { type: 'array', items: str }, explode: false })),
  quiet('REQUEST_PARAMETER_STYLE_NO_CHANGE', 'the default style spelled out', query({}), query({ style: 'form', explode: true })),
  ...pair('REQUEST_BODY_NO_BECOME_REQUIRED', 'optional body becomes required', post(str, { required: false }), post(str)),
  quiet('REQUEST_BODY_NO_BECOME_REQUIRED', 'required body becomes optional', post(str), post(str, { required: false })),
  ...pair('REQUEST_BODY_REQUIRED_NO_ADD', 'a required body is added', api({ '/items': { post: { responses: ok } } }), post(str)),
  quiet('REQUEST_BODY_REQUIRED_NO_ADD', 'an optional body is added', api({ '/items': { post: { responses: ok } } }), post(str, { required: false })),
  ...pair('REQUEST_MEDIA_TYPE_NO_DELETE', 'the only media type changes', post(str), api({ '/items': { post: { requestBody: { content: { 'text/plain': { schema: str } } }, responses: ok } } })),
  quiet('REQUEST_MEDIA_TYPE_NO_DELETE', 'a media type is added', post(str), api({ '/items': { post: { requestBody: { required: true, content: { 'application/json': { schema: str }, 'text/plain': { schema: str } } }, responses: ok } } })),
  ...pair('REQUEST_ALTERNATE_MEDIA_TYPE_NO_DELETE', 'one of two media types removed', api({ '/items': { post: { requestBody: { content: { 'application/json': { schema: str }, 'text/plain': { schema: str } } }, responses: ok } } }), api({ '/items': { post: { requestBody: { content: { 'text/plain': { schema: str } } }, responses: ok } } })),
  quiet('REQUEST_ALTERNATE_MEDIA_TYPE_NO_DELETE', 'a wildcard still accepts it', post(str), api({ '/items': { post: { requestBody: { required: true, content: { 'application/*': { schema: str } } }, responses: ok } } })),
  ...pair('RESPONSE_SUCCESS_STATUS_NO_DELETE', 'the 200 with a body goes', get(str), responses({ '201': { description: 'ok', content: { 'application/json': { schema: str } } } })),
  quiet('RESPONSE_SUCCESS_STATUS_NO_DELETE', 'a 2XX range covers it', get(str), responses({ '2XX': { description: 'ok', content: { 'application/json': { schema: str } } } })),
  ...pair('RESPONSE_EMPTY_SUCCESS_STATUS_NO_CHANGE', '204 replaced by 200 without body', op({}), responses({ '200': { description: 'ok' } })),
  quiet('RESPONSE_EMPTY_SUCCESS_STATUS_NO_CHANGE', 'the 204 stays', op({}), responses({ '204': { description: 'still ok' }, '200': { description: 'ok' } })),
  ...pair('RESPONSE_ERROR_STATUS_NO_DELETE', 'a 404 is no longer documented', responses({ '204': { description: 'ok' }, '404': { description: 'gone' } }), op({})),
  quiet('RESPONSE_ERROR_STATUS_NO_DELETE', 'a 404 is added', op({}), responses({ '204': { description: 'ok' }, '404': { description: 'gone' } })),
  ...pair('RESPONSE_STATUS_NO_ADD', 'a 429 is added', op({}), responses({ '204': { description: 'ok' }, '429': { description: 'slow down' } })),
  quiet('RESPONSE_STATUS_NO_ADD', 'statuses unchanged', op({}), op({ summary: 'list' })),
  ...pair('RESPONSE_MEDIA_TYPE_NO_DELETE', 'json no longer produced', get(str), responses({ '200': { description: 'ok', content: { 'text/plain': { schema: str } } } })),
  quiet('RESPONSE_MEDIA_TYPE_NO_DELETE', 'a charset parameter added', get(str), responses({ '200': { description: 'ok', content: { 'application/json; charset=utf-8': { schema: str } } } })),
  ...pair('RESPONSE_REQUIRED_HEADER_NO_DELETE', 'a required header goes', responses({ '204': { description: 'ok', headers: { 'X-Rate': { required: true, schema: int } } } }), op({})),
  quiet('RESPONSE_REQUIRED_HEADER_NO_DELETE', 'header name changes case', responses({ '204': { description: 'ok', headers: { 'X-Rate': { required: true, schema: int } } } }), responses({ '204': { description: 'ok', headers: { 'x-rate': { required: true, schema: int } } } })),
  ...pair('RESPONSE_HEADER_NO_DELETE', 'an optional header goes', responses({ '204': { description: 'ok', headers: { 'X-Rate': { schema: int } } } }), op({})),
  quiet('RESPONSE_HEADER_NO_DELETE', 'an optional header is added', op({}), responses({ '204': { description: 'ok', headers: { 'X-Rate': { schema: int } } } })),
  ...pair('RESPONSE_HEADER_NO_BECOME_OPTIONAL', 'required header becomes optional', responses({ '204': { description: 'ok', headers: { 'X-Rate': { required: true, schema: int } } } }), responses({ '204': { description: 'ok', headers: { 'X-Rate': { schema: int } } } })),
  quiet('RESPONSE_HEADER_NO_BECOME_OPTIONAL', 'optional header becomes required', responses({ '204': { description: 'ok', headers: { 'X-Rate': { schema: int } } } }), responses({ '204': { description: 'ok', headers: { 'X-Rate': { required: true, schema: int } } } })),
  // request schemas
  ...pair('REQUEST_SCHEMA_TYPE_NO_CHANGE', 'string to integer', post(obj({ a: str })), post(obj({ a: int })), { a: 'text' }),
  quiet('REQUEST_SCHEMA_TYPE_NO_CHANGE', 'integer widened to number', post(obj({ a: int })), post(obj({ a: { type: 'number' } }))),
  ...pair('REQUEST_SCHEMA_NULLABLE_NO_REMOVE', 'nullable: true dropped', post(obj({ a: { type: 'string', nullable: true } })), post(obj({ a: str })), { a: null }),
  quiet('REQUEST_SCHEMA_NULLABLE_NO_REMOVE', '3.0 nullable respelled as a 3.1 anyOf with null', post(obj({ a: { type: 'string', nullable: true } })), post(obj({ a: { anyOf: [str, { type: 'null' }] } }))),
  ...pair('REQUEST_SCHEMA_ENUM_NO_ADD', 'a free string becomes an enum', post(str), post({ type: 'string', enum: ['a', 'b'] }), 'OTHER_VALUE'),
  quiet('REQUEST_SCHEMA_ENUM_NO_ADD', 'an enum becomes free', post({ type: 'string', enum: ['a', 'b'] }), post(str)),
  ...pair('REQUEST_SCHEMA_ENUM_VALUE_NO_DELETE', 'an enum value goes', post(obj({ s: { type: 'string', enum: ['a', 'b'] } })), post(obj({ s: { type: 'string', enum: ['a'] } })), { s: 'b' }),
  quiet('REQUEST_SCHEMA_ENUM_VALUE_NO_DELETE', 'an enum value is added', post({ type: 'string', enum: ['a'] }), post({ type: 'string', enum: ['a', 'b'] })),
  ...pair('REQUEST_SCHEMA_MAX_NO_DECREASE', 'maxLength lowered', post({ type: 'string', maxLength: 10 }), post({ type: 'string', maxLength: 5 }), 'xxxxxxxxxx'),
  ...pair('REQUEST_SCHEMA_MAX_NO_DECREASE', 'maximum made exclusive (3.0 spelling)', post({ type: 'integer', maximum: 10 }), post({ type: 'integer', maximum: 10, exclusiveMaximum: true }), 10),
  quiet('REQUEST_SCHEMA_MAX_NO_DECREASE', 'maxItems raised', post({ type: 'array', items: str, maxItems: 5 }), post({ type: 'array', items: str, maxItems: 10 })),
  ...pair('REQUEST_SCHEMA_MIN_NO_INCREASE', 'minimum added', post(int), post({ type: 'integer', minimum: 1 }), 0),
  quiet('REQUEST_SCHEMA_MIN_NO_INCREASE', 'minLength lowered', post({ type: 'string', minLength: 3 }), post({ type: 'string', minLength: 1 })),
  ...pair('REQUEST_SCHEMA_MULTIPLE_OF_NO_CHANGE', 'multipleOf 2 to 4', post({ type: 'integer', multipleOf: 2 }), post({ type: 'integer', multipleOf: 4 }), 2),
  quiet('REQUEST_SCHEMA_MULTIPLE_OF_NO_CHANGE', 'multipleOf 4 to 2', post({ type: 'integer', multipleOf: 4 }), post({ type: 'integer', multipleOf: 2 })),
  ...pair('REQUEST_SCHEMA_UNIQUE_ITEMS_NO_ADD', 'items must be unique', post({ type: 'array', items: str }), post({ type: 'array', items: str, uniqueItems: true }), ['same', 'same']),
  quiet('REQUEST_SCHEMA_UNIQUE_ITEMS_NO_ADD', 'uniqueness dropped', post({ type: 'array', items: str, uniqueItems: true }), post({ type: 'array', items: str })),
  ...pair('REQUEST_SCHEMA_PATTERN_NO_ADD', 'a pattern added', post(str), post({ type: 'string', pattern: '^[a-z]+$' }), 'A'),
  quiet('REQUEST_SCHEMA_PATTERN_NO_ADD', 'a match-anything pattern added', post(str), post({ type: 'string', pattern: '.*' })),
  ...pair('REQUEST_SCHEMA_PATTERN_NO_CHANGE', 'a pattern changed', post({ type: 'string', pattern: '^[a-z]+$' }), post({ type: 'string', pattern: '^[a-f]+$' }), 'text'),
  quiet('REQUEST_SCHEMA_PATTERN_NO_CHANGE', 'a pattern removed', post({ type: 'string', pattern: '^[a-f]+$' }), post(str)),
  ...pair('REQUEST_SCHEMA_FORMAT_NO_CHANGE', 'a format added', post(str), post({ type: 'string', format: 'uuid' }), 'not-a-uuid'),
  quiet('REQUEST_SCHEMA_FORMAT_NO_CHANGE', 'int32 widened to int64', post({ type: 'integer', format: 'int32' }), post({ type: 'integer', format: 'int64' })),
  ...pair('REQUEST_SCHEMA_DEFAULT_NO_CHANGE', 'a default changes', post(obj({ n: { type: 'integer', default: 10 } })), post(obj({ n: { type: 'integer', default: 20 } }))),
  quiet('REQUEST_SCHEMA_DEFAULT_NO_CHANGE', 'a default is added', post(obj({ n: int })), post(obj({ n: { type: 'integer', default: 20 } }))),
  ...pair('REQUEST_SCHEMA_ADDITIONAL_PROPERTIES_NO_RESTRICT', 'an object is closed', post(obj({ a: str })), post(obj({ a: str }, [], { additionalProperties: false })), { unlistedProperty: 'value' }),
  quiet('REQUEST_SCHEMA_ADDITIONAL_PROPERTIES_NO_RESTRICT', 'an object is opened', post(obj({ a: str }, [], { additionalProperties: false })), post(obj({ a: str }))),
  ...pair('REQUEST_PROPERTY_REQUIRED_NO_ADD', 'a new required property', post(obj({ a: str }, ['a'])), post(obj({ a: str, b: str }, ['a', 'b'])), { a: 'text' }),
  quiet('REQUEST_PROPERTY_REQUIRED_NO_ADD', 'a new required readOnly property', post(obj({ a: str })), post(obj({ a: str, id: { type: 'string', readOnly: true } }, ['id']))),
  ...pair('REQUEST_PROPERTY_NO_BECOME_REQUIRED', 'an optional property becomes required', post(obj({ a: str, b: str }, ['a'])), post(obj({ a: str, b: str }, ['a', 'b'])), { a: 'text' }),
  quiet('REQUEST_PROPERTY_NO_BECOME_REQUIRED', 'a required property becomes optional', post(obj({ a: str, b: str }, ['a', 'b'])), post(obj({ a: str, b: str }, ['a']))),
  ...pair('REQUEST_PROPERTY_NO_DELETE', 'a property is removed', post(obj({ a: str, b: str })), post(obj({ a: str }))),
  quiet('REQUEST_PROPERTY_NO_DELETE', 'a readOnly property is removed', post(obj({ a: str, id: { type: 'string', readOnly: true } })), post(obj({ a: str }))),
  ...pair('REQUEST_PROPERTY_NO_BECOME_READ_ONLY', 'a property becomes readOnly', post(obj({ a: str })), post(obj({ a: { type: 'string', readOnly: true } }))),
  quiet('REQUEST_PROPERTY_NO_BECOME_READ_ONLY', 'a property stops being readOnly', post(obj({ a: { type: 'string', readOnly: true } })), post(obj({ a: str }))),
  ...pair('REQUEST_SCHEMA_BRANCH_NO_DELETE', 'a oneOf alternative goes', post({ oneOf: [str, int] }), post({ oneOf: [str] , type: 'string' })),
  quiet('REQUEST_SCHEMA_BRANCH_NO_DELETE', 'an anyOf alternative is added', post({ anyOf: [str, int] }), post({ anyOf: [str, int, { type: 'boolean' }] })),
  ...pair('REQUEST_SCHEMA_ALL_OF_NO_ADD', 'an allOf part is added', post({ allOf: [obj({ a: str })] }), post({ allOf: [obj({ a: str }), { title: 'Stamp', ...obj({ at: str }, ['at']) }] })),
  quiet('REQUEST_SCHEMA_ALL_OF_NO_ADD', 'an allOf part is removed', post({ allOf: [obj({ a: str }), { title: 'Stamp', ...obj({ at: str }) }] }), post({ allOf: [obj({ a: str })] })),
  ...pair('REQUEST_SCHEMA_ALTERNATIVES_ACCEPT_OLD', 'wrapped in overlapping oneOf', post(obj({ a: str, b: str }, ['a', 'b'])), post({ oneOf: [obj({ a: str, b: str }, ['a']), obj({ a: str, b: str }, ['b'])] }), { a: 'text', b: 'text' }),
  quiet('REQUEST_SCHEMA_ALTERNATIVES_ACCEPT_OLD', 'a string widened to oneOf string or integer', post(str), post({ oneOf: [str, int] })),
  // response schemas
  ...pair('RESPONSE_SCHEMA_TYPE_NO_CHANGE', 'integer widened to number', get(obj({ a: int })), get(obj({ a: { type: 'number' } })), { a: 1.5 }),
  quiet('RESPONSE_SCHEMA_TYPE_NO_CHANGE', 'number narrowed to integer', get(obj({ a: { type: 'number' } })), get(obj({ a: int }))),
  ...pair('RESPONSE_SCHEMA_NO_BECOME_NULLABLE', '3.1 type list gains null', get(obj({ a: str })), get(obj({ a: { type: ['string', 'null'] } })), { a: null }),
  quiet('RESPONSE_SCHEMA_NO_BECOME_NULLABLE', 'x-nullable dropped', get(obj({ a: { type: 'string', 'x-nullable': true } })), get(obj({ a: str }))),
  ...pair('RESPONSE_SCHEMA_ENUM_VALUE_NO_ADD', 'an enum value is added', get({ type: 'string', enum: ['a'] }), get({ type: 'string', enum: ['a', 'b'] }), 'b'),
  quiet('RESPONSE_SCHEMA_ENUM_VALUE_NO_ADD', 'an enum value goes', get({ type: 'string', enum: ['a', 'b'] }), get({ type: 'string', enum: ['a'] })),
  ...pair('RESPONSE_SCHEMA_ENUM_NO_REMOVE', 'an enum becomes free', get({ type: 'string', enum: ['a'] }), get(str)),
  quiet('RESPONSE_SCHEMA_ENUM_NO_REMOVE', 'a free string becomes an enum', get(str), get({ type: 'string', enum: ['a'] })),
  ...pair('RESPONSE_SCHEMA_MAX_NO_INCREASE', 'maximum removed', get({ type: 'integer', maximum: 10 }), get(int), 11),
  quiet('RESPONSE_SCHEMA_MAX_NO_INCREASE', 'maximum lowered', get({ type: 'integer', maximum: 10 }), get({ type: 'integer', maximum: 5 })),
  ...pair('RESPONSE_SCHEMA_MIN_NO_DECREASE', 'minItems lowered', get({ type: 'array', items: str, minItems: 2 }), get({ type: 'array', items: str, minItems: 1 }), ['item']),
  quiet('RESPONSE_SCHEMA_MIN_NO_DECREASE', 'minimum raised', get({ type: 'integer', minimum: 0 }), get({ type: 'integer', minimum: 1 })),
  ...pair('RESPONSE_SCHEMA_MULTIPLE_OF_NO_CHANGE', 'multipleOf removed', get({ type: 'integer', multipleOf: 5 }), get(int)),
  quiet('RESPONSE_SCHEMA_MULTIPLE_OF_NO_CHANGE', 'multipleOf made stricter', get({ type: 'integer', multipleOf: 5 }), get({ type: 'integer', multipleOf: 10 })),
  ...pair('RESPONSE_SCHEMA_PATTERN_NO_CHANGE', 'a pattern changes', get({ type: 'string', pattern: '^[a-f]+$' }), get({ type: 'string', pattern: '^[a-z]+$' })),
  quiet('RESPONSE_SCHEMA_PATTERN_NO_CHANGE', 'a pattern is added', get(str), get({ type: 'string', pattern: '^[a-z]+$' })),
  ...pair('RESPONSE_SCHEMA_FORMAT_NO_CHANGE', 'int32 widened to int64', get({ type: 'integer', format: 'int32' }), get({ type: 'integer', format: 'int64' }), 2147483648),
  quiet('RESPONSE_SCHEMA_FORMAT_NO_CHANGE', 'int64 narrowed to int32', get({ type: 'integer', format: 'int64' }), get({ type: 'integer', format: 'int32' })),
  ...pair('RESPONSE_SCHEMA_ADDITIONAL_PROPERTIES_NO_WIDEN', 'a closed object is opened', get(obj({ a: str }, [], { additionalProperties: false })), get(obj({ a: str }))),
  quiet('RESPONSE_SCHEMA_ADDITIONAL_PROPERTIES_NO_WIDEN', 'an open object is closed', get(obj({ a: str })), get(obj({ a: str }, [], { additionalProperties: false }))),
  ...pair('RESPONSE_REQUIRED_PROPERTY_NO_DELETE', 'a required property goes', get(obj({ a: str, b: str }, ['a', 'b'])), get(obj({ a: str }, ['a'])), { a: 'text' }),
  quiet('RESPONSE_REQUIRED_PROPERTY_NO_DELETE', 'a required writeOnly property goes', get(obj({ a: str, secret: { type: 'string', writeOnly: true } }, ['a', 'secret'])), get(obj({ a: str }, ['a']))),
  ...pair('RESPONSE_PROPERTY_NO_DELETE', 'an optional property goes', get(obj({ a: str, b: str })), get(obj({ a: str }))),
  quiet('RESPONSE_PROPERTY_NO_DELETE', 'a property is added', get(obj({ a: str })), get(obj({ a: str, b: str }))),
  ...pair('RESPONSE_PROPERTY_NO_BECOME_OPTIONAL', 'a required property becomes optional', get(obj({ a: str }, ['a'])), get(obj({ a: str })), {}),
  quiet('RESPONSE_PROPERTY_NO_BECOME_OPTIONAL', 'an optional property becomes required', get(obj({ a: str })), get(obj({ a: str }, ['a']))),
  ...pair('RESPONSE_PROPERTY_NO_BECOME_WRITE_ONLY', 'a property becomes writeOnly', get(obj({ a: str })), get(obj({ a: { type: 'string', writeOnly: true } }))),
  quiet('RESPONSE_PROPERTY_NO_BECOME_WRITE_ONLY', 'a property stops being writeOnly', get(obj({ a: { type: 'string', writeOnly: true } })), get(obj({ a: str }))),
  ...pair('RESPONSE_SCHEMA_BRANCH_NO_ADD', 'a oneOf alternative is added', get({ oneOf: [{ title: 'Cat', ...obj({ meow: str }) }, { title: 'Dog', ...obj({ bark: str }) }] }), get({ oneOf: [{ title: 'Cat', ...obj({ meow: str }) }, { title: 'Dog', ...obj({ bark: str }) }, { title: 'Fox', ...obj({ say: str }) }] })),
  quiet('RESPONSE_SCHEMA_BRANCH_NO_ADD', 'alternatives reordered', get({ oneOf: [{ title: 'Cat', ...obj({ meow: str }) }, { title: 'Dog', ...obj({ bark: str }) }] }), get({ oneOf: [{ title: 'Dog', ...obj({ bark: str }) }, { title: 'Cat', ...obj({ meow: str }) }] })),
];

const pets = (discriminator: Json): Json => ({
  oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
  discriminator,
});
const petComponents = { components: { schemas: { Cat: obj({ kind: str, meow: str }, ['kind']), Dog: obj({ kind: str, bark: str }, ['kind']) } } };
const withPets = (doc: Json): Json => ({ ...doc, ...petComponents });

export const DISCRIMINATOR_CASES: readonly RuleCase[] = [
  ...pair('REQUEST_SCHEMA_DISCRIMINATOR_NO_CHANGE', 'a mapping value is dropped', withPets(post(pets({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } }))), withPets(post(pets({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } }))), { kind: 'dog' }),
  quiet('REQUEST_SCHEMA_DISCRIMINATOR_NO_CHANGE', 'a mapping value is added', withPets(post(pets({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } }))), withPets(post(pets({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } })))),
  ...pair('RESPONSE_SCHEMA_DISCRIMINATOR_NO_CHANGE', 'the discriminator property is renamed', withPets(get(pets({ propertyName: 'kind' }))), withPets(get(pets({ propertyName: 'type' }))), { kind: 'value' }),
  quiet('RESPONSE_SCHEMA_DISCRIMINATOR_NO_CHANGE', 'a mapping value is dropped from a response', withPets(get(pets({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } }))), withPets(get(pets({ propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } })))),
];
