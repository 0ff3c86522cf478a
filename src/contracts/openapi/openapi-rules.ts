import type { Direction, Severity } from '../../model/finding.ts';
import type { RuleDefinition } from '../rule.ts';

function rule(id: string, categories: string[], severity: Severity, direction: Direction, purpose: string, message: string): RuleDefinition {
  return { id, kind: 'openapi', categories: ['OPENAPI', ...categories], severity, direction, purpose, message, byDefault: true };
}

/**
 * The OpenAPI rule catalog. Request rules protect what existing clients send (narrowing what the
 * server accepts breaks them); response rules protect what they read (widening what the server
 * returns breaks them). Schema rules apply at any depth: a body, a property, a parameter, a header.
 */
export const OPENAPI_RULES: readonly RuleDefinition[] = [
  // operations
  rule('OPERATION_NO_DELETE', ['OPERATION'], 'breaking', 'none', 'Checks that an operation is not removed unless it was deprecated and its sunset date has passed.', 'the operation was removed{deprecatedNote}'),
  rule('OPERATION_DELETE_AFTER_SUNSET', ['OPERATION', 'DEPRECATION'], 'info', 'none', 'Checks that operations removed after their sunset date are reported for the record.', 'the deprecated operation was removed after its sunset date {sunset}'),
  rule('OPERATION_STABILITY_NO_DECREASE', ['OPERATION', 'STABILITY'], 'breaking', 'none', 'Checks that an operation\'s x-stability-level does not move to a less stable level.', 'the stability level went down from {before} to {after}'),
  rule('OPERATION_STABILITY_LEVEL_VALID', ['OPERATION', 'STABILITY'], 'breaking', 'none', 'Checks that x-stability-level is one of draft, alpha, beta or stable so a change can be judged.', 'x-stability-level {value} is not one of draft, alpha, beta, stable'),
  rule('OPERATION_DEPRECATION_NOTED', ['OPERATION', 'DEPRECATION'], 'info', 'none', 'Checks that a newly deprecated operation is reported so clients can plan a move.', 'the operation is now deprecated{sunsetNote}'),
  rule('OPERATION_SUNSET_NO_EARLIER', ['OPERATION', 'DEPRECATION'], 'warning', 'none', 'Checks that the x-sunset date of a deprecated operation is not moved earlier.', 'the sunset date moved earlier from {before} to {after}'),
  rule('OPERATION_ID_NO_CHANGE', ['OPERATION'], 'warning', 'none', 'Checks that an operationId is kept, since generated clients name their methods after it.', 'operationId changed from {before} to {after}'),
  // security
  rule('SECURITY_REQUIREMENT_NO_NARROW', ['SECURITY'], 'breaking', 'request', 'Checks that every way of authenticating an operation accepted before is still accepted.', 'clients authenticating with {requirement} are no longer accepted'),
  rule('SECURITY_SCOPE_NO_ADD', ['SECURITY'], 'breaking', 'request', 'Checks that an operation does not demand OAuth scopes its clients did not need before.', 'scheme {scheme} now also requires scopes {scopes}'),
  rule('SECURITY_SCHEME_NO_CHANGE', ['SECURITY'], 'breaking', 'request', 'Checks that a security scheme in use keeps its type, location and parameter name.', 'security scheme {scheme} changed its {field} from {before} to {after}'),
  // parameters
  rule('REQUEST_PARAMETER_REQUIRED_NO_ADD', ['PARAMETER'], 'breaking', 'request', 'Checks that no new required parameter is added to an operation.', 'a new required {in} parameter {name} was added'),
  rule('REQUEST_PARAMETER_NO_BECOME_REQUIRED', ['PARAMETER'], 'breaking', 'request', 'Checks that an optional parameter does not become required.', 'the {in} parameter {name} became required'),
  rule('REQUEST_PARAMETER_NO_DELETE', ['PARAMETER'], 'warning', 'request', 'Checks that parameters clients send are not silently dropped from the contract.', 'the {in} parameter {name} was removed; clients still sending it are ignored or rejected'),
  rule('REQUEST_PARAMETER_STYLE_NO_CHANGE', ['PARAMETER'], 'breaking', 'request', 'Checks that a parameter keeps its serialisation style and explode setting.', 'the {in} parameter {name} changed its {field} from {before} to {after}'),
  // request bodies
  rule('REQUEST_BODY_NO_BECOME_REQUIRED', ['REQUEST_BODY'], 'breaking', 'request', 'Checks that an optional request body does not become required.', 'the request body became required'),
  rule('REQUEST_BODY_REQUIRED_NO_ADD', ['REQUEST_BODY'], 'breaking', 'request', 'Checks that an operation without a body does not start requiring one.', 'a required request body was added'),
  rule('REQUEST_MEDIA_TYPE_NO_DELETE', ['REQUEST_BODY', 'MEDIA_TYPE'], 'breaking', 'request', 'Checks that every request media type clients send is still accepted.', 'the request media type {mediaType} is no longer accepted'),
  rule('REQUEST_ALTERNATE_MEDIA_TYPE_NO_DELETE', ['REQUEST_BODY', 'MEDIA_TYPE'], 'warning', 'request', 'Checks that a request media type removed while others remain is reported; consumer checks judge it per consumer.', 'the request media type {mediaType} is no longer accepted; {remaining} still is'),
  // responses
  rule('RESPONSE_SUCCESS_STATUS_NO_DELETE', ['RESPONSE'], 'breaking', 'response', 'Checks that a success status clients handle is not removed.', 'the success status {status} was removed'),
  rule('RESPONSE_EMPTY_SUCCESS_STATUS_NO_CHANGE', ['RESPONSE'], 'warning', 'response', 'Checks that a body-less success status replaced by another success status is reported.', 'the body-less success status {status} was replaced by {replacement}'),
  rule('RESPONSE_ERROR_STATUS_NO_DELETE', ['RESPONSE'], 'warning', 'response', 'Checks that documented error statuses are not dropped silently.', 'the error status {status} is no longer documented'),
  rule('RESPONSE_STATUS_NO_ADD', ['RESPONSE'], 'info', 'response', 'Checks that a new response status is reported so clients can handle it.', 'a new response status {status} may be returned'),
  rule('RESPONSE_MEDIA_TYPE_NO_DELETE', ['RESPONSE', 'MEDIA_TYPE'], 'breaking', 'response', 'Checks that a response media type clients may request is still produced.', 'the response media type {mediaType} is no longer produced'),
  rule('RESPONSE_REQUIRED_HEADER_NO_DELETE', ['RESPONSE', 'HEADER'], 'breaking', 'response', 'Checks that a response header documented as always present is not removed.', 'the required response header {name} was removed'),
  rule('RESPONSE_HEADER_NO_DELETE', ['RESPONSE', 'HEADER'], 'warning', 'response', 'Checks that an optional response header is not removed without notice.', 'the optional response header {name} was removed'),
  rule('RESPONSE_HEADER_NO_BECOME_OPTIONAL', ['RESPONSE', 'HEADER'], 'breaking', 'response', 'Checks that a response header that was always present stays so.', 'the response header {name} became optional'),
  // request schemas
  rule('REQUEST_SCHEMA_TYPE_NO_CHANGE', ['SCHEMA', 'TYPE'], 'breaking', 'request', 'Checks that a request schema still accepts every type it accepted.', 'the accepted type changed from {before} to {after}'),
  rule('REQUEST_SCHEMA_NULLABLE_NO_REMOVE', ['SCHEMA', 'NULLABLE'], 'breaking', 'request', 'Checks that a request value that could be null still can.', 'null is no longer accepted'),
  rule('REQUEST_SCHEMA_ENUM_NO_ADD', ['SCHEMA', 'ENUM'], 'breaking', 'request', 'Checks that a free request value is not restricted to an enumeration.', 'the value is now restricted to {values}'),
  rule('REQUEST_SCHEMA_ENUM_VALUE_NO_DELETE', ['SCHEMA', 'ENUM'], 'breaking', 'request', 'Checks that no enum value clients may send is removed.', 'enum values {values} are no longer accepted'),
  rule('REQUEST_SCHEMA_MAX_NO_DECREASE', ['SCHEMA', 'CONSTRAINT'], 'breaking', 'request', 'Checks that upper bounds (maximum, maxLength, maxItems, maxProperties) on request values are not added or lowered.', '{keyword} went from {before} to {after}'),
  rule('REQUEST_SCHEMA_MIN_NO_INCREASE', ['SCHEMA', 'CONSTRAINT'], 'breaking', 'request', 'Checks that lower bounds (minimum, minLength, minItems, minProperties) on request values are not added or raised.', '{keyword} went from {before} to {after}'),
  rule('REQUEST_SCHEMA_MULTIPLE_OF_NO_CHANGE', ['SCHEMA', 'CONSTRAINT'], 'breaking', 'request', 'Checks that multipleOf on a request value is not added or made stricter.', 'multipleOf went from {before} to {after}'),
  rule('REQUEST_SCHEMA_UNIQUE_ITEMS_NO_ADD', ['SCHEMA', 'CONSTRAINT'], 'breaking', 'request', 'Checks that request arrays are not newly required to hold unique items.', 'items must now be unique'),
  rule('REQUEST_SCHEMA_PATTERN_NO_ADD', ['SCHEMA', 'PATTERN'], 'breaking', 'request', 'Checks that a request string is not newly restricted by a pattern.', 'the value must now match {after}'),
  rule('REQUEST_SCHEMA_PATTERN_NO_CHANGE', ['SCHEMA', 'PATTERN'], 'warning', 'request', 'Checks that a changed request pattern is reviewed, since patterns cannot be compared exactly.', 'the pattern changed from {before} to {after}'),
  rule('REQUEST_SCHEMA_FORMAT_NO_CHANGE', ['SCHEMA', 'FORMAT'], 'breaking', 'request', 'Checks that a request value does not gain a format or change to a narrower one.', 'the format changed from {before} to {after}'),
  rule('REQUEST_SCHEMA_DEFAULT_NO_CHANGE', ['SCHEMA', 'DEFAULT'], 'warning', 'request', 'Checks that the default applied to an omitted request value does not change.', 'the default changed from {before} to {after}'),
  rule('REQUEST_SCHEMA_ADDITIONAL_PROPERTIES_NO_RESTRICT', ['SCHEMA', 'OBJECT'], 'breaking', 'request', 'Checks that request objects keep accepting the extra properties they accepted.', 'additionalProperties went from {before} to {after}'),
  rule('REQUEST_PROPERTY_REQUIRED_NO_ADD', ['SCHEMA', 'REQUIRED'], 'breaking', 'request', 'Checks that no new required property is added to a request object.', 'a new required property {name} was added'),
  rule('REQUEST_PROPERTY_NO_BECOME_REQUIRED', ['SCHEMA', 'REQUIRED'], 'breaking', 'request', 'Checks that an optional request property does not become required.', 'the property {name} became required'),
  rule('REQUEST_PROPERTY_NO_DELETE', ['SCHEMA', 'PROPERTY'], 'warning', 'request', 'Checks that request properties clients send are not dropped silently.', 'the property {name} was removed'),
  rule('REQUEST_PROPERTY_NO_BECOME_READ_ONLY', ['SCHEMA', 'PROPERTY'], 'warning', 'request', 'Checks that a request property does not become readOnly, which servers then ignore.', 'the property {name} became readOnly'),
  rule('REQUEST_SCHEMA_BRANCH_NO_DELETE', ['SCHEMA', 'COMPOSITION'], 'breaking', 'request', 'Checks that no oneOf or anyOf alternative clients may send is removed.', 'the {keyword} alternative {branch} was removed'),
  rule('REQUEST_SCHEMA_ALL_OF_NO_ADD', ['SCHEMA', 'COMPOSITION'], 'breaking', 'request', 'Checks that a request schema does not gain an allOf part, which adds constraints.', 'the allOf part {branch} was added'),
  rule('REQUEST_SCHEMA_ALTERNATIVES_ACCEPT_OLD', ['SCHEMA', 'COMPOSITION'], 'breaking', 'request', 'Checks that a request schema rewritten as oneOf/anyOf still accepts old values (exactly one oneOf branch, or some anyOf branch).', 'old values are matched by {matches} of the {keyword} alternatives'),
  rule('REQUEST_SCHEMA_DISCRIMINATOR_NO_CHANGE', ['SCHEMA', 'COMPOSITION'], 'breaking', 'request', 'Checks that a request discriminator keeps its property name and every value clients may send.', 'the discriminator {field} changed from {before} to {after}'),
  // response schemas
  rule('RESPONSE_SCHEMA_DISCRIMINATOR_NO_CHANGE', ['SCHEMA', 'COMPOSITION'], 'breaking', 'response', 'Checks that a response discriminator keeps its property name and what each value maps to.', 'the discriminator {field} changed from {before} to {after}'),
  rule('RESPONSE_SCHEMA_TYPE_NO_CHANGE', ['SCHEMA', 'TYPE'], 'breaking', 'response', 'Checks that a response value is not returned with a type clients did not expect.', 'the returned type changed from {before} to {after}'),
  rule('RESPONSE_SCHEMA_NO_BECOME_NULLABLE', ['SCHEMA', 'NULLABLE'], 'breaking', 'response', 'Checks that a response value that was never null does not become nullable.', 'the value may now be null'),
  rule('RESPONSE_SCHEMA_ENUM_VALUE_NO_ADD', ['SCHEMA', 'ENUM'], 'warning', 'response', 'Checks that new enum values in responses are reported, since strict clients reject unknown values.', 'new enum values {values} may be returned'),
  rule('RESPONSE_SCHEMA_ENUM_NO_REMOVE', ['SCHEMA', 'ENUM'], 'warning', 'response', 'Checks that a response value does not lose its enumeration and become free.', 'the value is no longer restricted to {values}'),
  rule('RESPONSE_SCHEMA_MAX_NO_INCREASE', ['SCHEMA', 'CONSTRAINT'], 'breaking', 'response', 'Checks that upper bounds on response values are not raised or removed.', '{keyword} went from {before} to {after}'),
  rule('RESPONSE_SCHEMA_MIN_NO_DECREASE', ['SCHEMA', 'CONSTRAINT'], 'breaking', 'response', 'Checks that lower bounds on response values are not lowered or removed.', '{keyword} went from {before} to {after}'),
  rule('RESPONSE_SCHEMA_MULTIPLE_OF_NO_CHANGE', ['SCHEMA', 'CONSTRAINT'], 'breaking', 'response', 'Checks that multipleOf on a response value is not removed or loosened.', 'multipleOf went from {before} to {after}'),
  rule('RESPONSE_SCHEMA_PATTERN_NO_CHANGE', ['SCHEMA', 'PATTERN'], 'info', 'response', 'Checks that a changed or removed response pattern is reported for clients that validate.', 'the pattern changed from {before} to {after}'),
  rule('RESPONSE_SCHEMA_FORMAT_NO_CHANGE', ['SCHEMA', 'FORMAT'], 'breaking', 'response', 'Checks that a response value does not change to a wider or different format.', 'the format changed from {before} to {after}'),
  rule('RESPONSE_SCHEMA_ADDITIONAL_PROPERTIES_NO_WIDEN', ['SCHEMA', 'OBJECT'], 'warning', 'response', 'Checks that closed response objects do not start carrying extra properties.', 'additionalProperties went from {before} to {after}'),
  rule('RESPONSE_REQUIRED_PROPERTY_NO_DELETE', ['SCHEMA', 'PROPERTY'], 'breaking', 'response', 'Checks that a response property that was always present is not removed.', 'the required property {name} was removed'),
  rule('RESPONSE_PROPERTY_NO_DELETE', ['SCHEMA', 'PROPERTY'], 'warning', 'response', 'Checks that optional response properties are not removed without notice.', 'the optional property {name} was removed'),
  rule('RESPONSE_PROPERTY_NO_BECOME_OPTIONAL', ['SCHEMA', 'REQUIRED'], 'breaking', 'response', 'Checks that a response property that was always present stays required.', 'the property {name} became optional'),
  rule('RESPONSE_PROPERTY_NO_BECOME_WRITE_ONLY', ['SCHEMA', 'PROPERTY'], 'warning', 'response', 'Checks that a response property newly marked writeOnly is reported, since it leaves responses.', 'the property {name} became writeOnly'),
  rule('RESPONSE_SCHEMA_BRANCH_NO_ADD', ['SCHEMA', 'COMPOSITION'], 'warning', 'response', 'Checks that new oneOf or anyOf alternatives in responses are reported, since clients must handle them.', 'a new {keyword} alternative {branch} may be returned'),
];

export const OPENAPI_RULE_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(OPENAPI_RULES.map((r) => [r.id, r]));
