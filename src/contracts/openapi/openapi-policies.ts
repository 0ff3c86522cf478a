/**
 * Deliberate OpenAPI policies: where Stepwise's verdict differs from oasdiff's labels on the
 * shared corpus, or from a literal reading of "narrowing requests and widening responses break".
 * Rendered into docs/rules.md; the corpus test checks every disagreement is listed here.
 */
export const OPENAPI_POLICY_NOTES: readonly { readonly title: string; readonly text: string }[] = [
  {
    title: 'New enum values and alternatives in responses are warnings',
    text:
      'Strictly, a response that may carry a value clients never saw is widened. Adding enum values and oneOf/anyOf ' +
      'alternatives is how APIs grow, and well-behaved clients treat unknown values as "other"; Stepwise warns ' +
      '(RESPONSE_SCHEMA_ENUM_VALUE_NO_ADD, RESPONSE_SCHEMA_BRANCH_NO_ADD) instead of blocking. Raise them to breaking ' +
      'with a severity override where clients are strict.',
  },
  {
    title: 'Patterns cannot be compared exactly',
    text:
      'A pattern added to a request value is breaking; a changed pattern is a warning, because two regular expressions ' +
      'cannot be compared in general; a pattern that matches anything (`.*`) counts as none. Response pattern changes are ' +
      'informational: clients rarely validate them.',
  },
  {
    title: 'readOnly and writeOnly',
    text:
      'readOnly properties are not part of requests and writeOnly properties are not part of responses, so required-ness ' +
      'and removal of such properties only count on the side where they travel. A property newly marked writeOnly (or ' +
      'readOnly) is a warning: that marking usually documents what the server already did.',
  },
  {
    title: 'Body-less success statuses',
    text:
      'Replacing a success status that carries no body with another success status (200 to 201 on an empty response) is ' +
      'a warning (RESPONSE_EMPTY_SUCCESS_STATUS_NO_CHANGE): HTTP clients treat any 2xx as success and there is nothing ' +
      'to parse. Removing a success status that has a body is breaking.',
  },
  {
    title: 'Removed request media types while others remain',
    text:
      '`stepwise diff` cannot know which media type clients send, so removing one while others remain is a warning ' +
      '(REQUEST_ALTERNATE_MEDIA_TYPE_NO_DELETE); when a consumer expectation is checked (`--consumer`, can-i-deploy) ' +
      'and the consumer sends the removed type, it is breaking (REQUEST_MEDIA_TYPE_NO_DELETE). This is why the corpus ' +
      'pair data/checker/request_body_media_type_updated_revision.yaml -> data/checker/request_body_media_type_updated_base.yaml ' +
      'agrees with its "nonbreaking" label.',
  },
  {
    title: 'Disagreement: data/required-properties/response-del-required-prop-base.yaml -> data/required-properties/response-del-required-prop-revision.yaml',
    text:
      'Labelled non-breaking; the revision removes the required response property `name` of GET /api/atlas/v2/removeOutputFieldTest. ' +
      'Clients reading a property documented as always present break, so Stepwise reports RESPONSE_REQUIRED_PROPERTY_NO_DELETE. ' +
      'The pair exercises operationId changes, which Stepwise reports as warnings.',
  },
  {
    title: 'Disagreement: data/x-of/base.json -> data/x-of/revision.json',
    text:
      'Labelled non-breaking; a property of a oneOf/anyOf alternative returned by GET /api/oneOf/path stops being required. ' +
      'A client handling that alternative relies on the property, so Stepwise reports RESPONSE_PROPERTY_NO_BECOME_OPTIONAL; ' +
      'oasdiff itself reports this change as an error for allOf and anyOf and treated the missing oneOf report as a bug (its issue #314).',
  },
  {
    title: 'Disagreement: data/type-change/base-response.yaml -> data/type-change/revision-response.yaml',
    text:
      'Labelled non-breaking; the revision changes the returned array items\' `testField` from string to integer. A client ' +
      'decoding a string fails on a number, so Stepwise reports RESPONSE_SCHEMA_TYPE_NO_CHANGE.',
  },
  {
    title: 'Callbacks and webhooks run the other way',
    text:
      'In a callback or a 3.1 webhook the provider sends the request and the client answers. The request body is judged ' +
      'with the response rules (the provider may narrow what it sends, not widen it) and the answers with the request ' +
      'rules (the provider may accept more, not demand more). Adding or removing a callback is not reported.',
  },
  {
    title: 'Stability levels',
    text:
      'x-stability-level must be draft, alpha, beta or stable; an unknown level on either side is breaking because the change ' +
      'cannot be judged, and moving to a less stable level is breaking.',
  },
  {
    title: 'Removal after sunset',
    text:
      'Removing a deprecated operation whose x-sunset date has passed is informational when the caller passes the current ' +
      'date (`settings.now`); the pure engine reads no clock, so without it every removal is breaking.',
  },
];
