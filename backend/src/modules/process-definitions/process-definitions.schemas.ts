import { z } from 'zod';

/** Largest version number a path may name; versions are `integer` columns. */
const MAX_VERSION = 2_147_483_647;

/** Path parameters of `/api/process-definitions/:key/versions`. */
export const definitionKeyParamsSchema = z.object({
  key: z.string().min(1).max(200, { error: 'must be at most 200 characters' }),
});

/** Path parameters of `/api/process-definitions/:key/versions/:version/xml`. */
export const definitionVersionParamsSchema = definitionKeyParamsSchema.extend({
  version: z.coerce
    .number({ error: 'must be a version number' })
    .int({ error: 'must be a version number' })
    .positive({ error: 'must be a version number' })
    .max(MAX_VERSION, { error: `must be at most ${MAX_VERSION}` }),
});

/**
 * The JSON form of `POST /api/process-definitions`, `{ "xml": "<bpmn:definitions ...>" }`. The
 * XML form sends the document itself as `application/xml`, `text/xml` or
 * `application/bpmn+xml`, which the body parser hands over as a string.
 */
export const deployRequestSchema = z.object({
  // Not trimmed: the stored XML, and so its checksum, is exactly what was sent.
  xml: z
    .string({ error: 'is required: the BPMN 2.0 XML of the definition' })
    .refine((xml) => xml.trim() !== '', {
      error: 'is required: the BPMN 2.0 XML of the definition',
    }),
});

/** Returns the BPMN XML of a deploy request body, whichever of the two forms it uses. */
export function readDeployedXml(body: unknown): string {
  if (typeof body === 'string') return deployRequestSchema.parse({ xml: body }).xml;
  return deployRequestSchema.parse(body ?? {}).xml;
}
