import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sends the ETag (with `cache-control: no-cache`, so clients revalidate every time) and says whether
 * the client already holds this version: If-None-Match may list several tags, weak or strong, and
 * matches by the weak comparison RFC 9110 prescribes for it. The caller answers 304 when it does.
 */
export function isNotModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  void reply.header('etag', etag).header('cache-control', 'no-cache');
  const asked = request.headers['if-none-match'];
  if (asked === undefined) return false;
  return asked.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
