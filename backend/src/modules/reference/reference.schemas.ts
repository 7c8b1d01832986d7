import { z } from 'zod';
import { emptyToUndefined, optionalIdSchema, pageQueryShape, searchTextSchema } from './list-query';

/** Query of `GET /api/institutions`. */
export const institutionQuerySchema = z.object({
  kind: z.preprocess(
    emptyToUndefined,
    z.enum(['hospital', 'school'], { error: 'must be hospital or school' }).optional(),
  ),
});

/** Query of `GET /api/campuses`. */
export const campusQuerySchema = z.object({
  hospitalId: optionalIdSchema,
});

/** Query of `GET /api/care-units`. */
export const careUnitQuerySchema = z.object({
  hospitalId: optionalIdSchema,
  campusId: optionalIdSchema,
});

/** Query of `GET /api/programmes`. */
export const programmeQuerySchema = z.object({
  schoolId: optionalIdSchema,
});

/** Query of `GET /api/students`: `q` matches first name, last name or matricule. */
export const studentQuerySchema = z.object({
  q: searchTextSchema,
  schoolId: optionalIdSchema,
  programmeId: optionalIdSchema,
  ...pageQueryShape,
});

/** A parsed {@link institutionQuerySchema}. */
export type InstitutionQuery = z.infer<typeof institutionQuerySchema>;
/** A parsed {@link campusQuerySchema}. */
export type CampusQuery = z.infer<typeof campusQuerySchema>;
/** A parsed {@link careUnitQuerySchema}. */
export type CareUnitQuery = z.infer<typeof careUnitQuerySchema>;
/** A parsed {@link programmeQuerySchema}. */
export type ProgrammeQuery = z.infer<typeof programmeQuerySchema>;
/** A parsed {@link studentQuerySchema}. */
export type StudentQuery = z.infer<typeof studentQuerySchema>;
