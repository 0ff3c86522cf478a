import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ContractError } from '../contracts/contract-error.ts';
import { StepwiseError } from '../model/errors.ts';

/** Every error leaves as `{ error: { code, message, where } }` with the status the catalog gives its code. */
export function toStepwiseError(error: unknown): StepwiseError {
  if (error instanceof StepwiseError) return error;
  if (error instanceof ContractError) {
    const { pointer, file, line, column } = error.location;
    return new StepwiseError('CONTRACT_INVALID', error.message, { pointer, ...(file ? { file } : {}), ...(line ? { line } : {}), ...(column ? { column } : {}) });
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const first = fastifyError.validation[0];
    const pointer = first ? `${fastifyError.validationContext === 'body' ? '' : `/${fastifyError.validationContext}`}${first.instancePath}` : undefined;
    const field = first && 'missingProperty' in first.params ? `${first.instancePath}/${String(first.params.missingProperty)}` : pointer;
    return new StepwiseError('BAD_INPUT', `invalid ${fastifyError.validationContext ?? 'request'}: ${fastifyError.message}`, field ? { pointer: field } : undefined);
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new StepwiseError('PAYLOAD_TOO_LARGE', 'the request body is larger than the server accepts (--body-limit)');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new StepwiseError('BAD_INPUT', fastifyError.message);
  }
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new StepwiseError(fastifyError.statusCode === 404 ? 'NOT_FOUND' : 'BAD_INPUT', fastifyError.message);
  }
  return new StepwiseError('INTERNAL', error instanceof Error ? error.message : String(error));
}

export async function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const failure = toStepwiseError(error);
  if (failure.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
  await reply.status(failure.httpStatus).send({
    error: {
      code: failure.code,
      message: failure.message,
      ...(failure.where ? { where: failure.where } : {}),
      ...(failure.details ? { details: failure.details } : {}),
    },
  });
}
