import { ROLES } from '../../platform/permissions/roles';
import {
  allowedScopesFor,
  CANDIDATE_ROLES,
  defaultScopeFor,
  isCandidateRole,
  type CandidateRole,
  type Scope,
} from './candidate-roles';

describe('candidate roles', () => {
  describe('defaultScopeFor()', () => {
    const cases: Array<[CandidateRole, Scope | null]> = [
      ['student', 'student'],
      ['supervisor', 'unit'],
      ['school_coordinator', 'school'],
      ['hospital_coordinator', 'hospital'],
      ['badge_manager', 'hospital'],
      ['hygienist', 'hospital'],
      ['institution_admin', null],
      ['platform_admin', null],
      ['requester', null],
    ];

    it.each(cases)('returns the default of %s', (role, scope) => {
      expect(defaultScopeFor(role)).toBe(scope);
    });

    it('covers every candidate role', () => {
      expect(cases.map(([role]) => role).sort()).toEqual([...CANDIDATE_ROLES].sort());
    });
  });

  describe('allowedScopesFor()', () => {
    it('lets an institution admin serve a hospital or a school', () => {
      expect(allowedScopesFor('institution_admin')).toEqual(['hospital', 'school']);
    });

    it('gives the requester no scope', () => {
      expect(allowedScopesFor('requester')).toEqual([]);
    });
  });

  describe('isCandidateRole()', () => {
    it('accepts every platform role and the requester', () => {
      expect([...ROLES, 'requester'].every(isCandidateRole)).toBe(true);
    });

    it('rejects other names', () => {
      expect(isCandidateRole('nurse')).toBe(false);
      expect(isCandidateRole('Student')).toBe(false);
    });
  });
});
