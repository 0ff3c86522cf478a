import { Type } from 'typebox';

/** The body of every error response: a stable code from src/model/errors.ts and where the problem is. */
export const ErrorResponseSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      where: Type.Optional(
        Type.Object({
          file: Type.Optional(Type.String()),
          line: Type.Optional(Type.Integer()),
          column: Type.Optional(Type.Integer()),
          pointer: Type.Optional(Type.String()),
        }),
      ),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { description: 'An error: `code` is stable (docs/errors.md), `where` names the field, file or line.' },
);

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const COMMON_ERRORS = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
} as const;
