import { containsExpression, isIsoCycle, isIsoDate, isIsoDuration } from './iso8601';

describe('ISO 8601 checks', () => {
  describe('isIsoDuration()', () => {
    it.each(['P3D', 'PT1H', 'PT0S', 'P1Y2M10DT2H30M', 'P2W', 'PT1.5H'])('accepts %s', (value) => {
      expect(isIsoDuration(value)).toBe(true);
    });

    it.each(['', 'P', 'P3X', '3D', 'R3/PT10M', '2027-02-01', '2027-02-01/P1D', 'soon'])(
      'rejects %p',
      (value) => {
        expect(isIsoDuration(value)).toBe(false);
      },
    );
  });

  describe('isIsoCycle()', () => {
    it.each(['R3/PT10M', 'R/P1D', 'R2/2027-01-01T08:00:00Z/P1D', 'P1D', '2027-01-01/2027-02-01'])(
      'accepts %s',
      (value) => {
        expect(isIsoCycle(value)).toBe(true);
      },
    );

    it.each(['', 'R3', 'every day', '2027-02-01', 'R3/PT10X'])('rejects %p', (value) => {
      expect(isIsoCycle(value)).toBe(false);
    });
  });

  describe('isIsoDate()', () => {
    it.each(['2027-02-01', '2027-02-01T08:00:00Z', '2027-02-01T08:00:00+01:00', '20270201'])(
      'accepts %s',
      (value) => {
        expect(isIsoDate(value)).toBe(true);
      },
    );

    it.each(['', '2027-13-01', '2027-02-30', 'P3D', 'tomorrow', '01/02/2027'])(
      'rejects %p',
      (value) => {
        expect(isIsoDate(value)).toBe(false);
      },
    );
  });

  describe('containsExpression()', () => {
    it('finds a whole or embedded expression', () => {
      expect(containsExpression('${environment.variables.stage.startDate}')).toBe(true);
      expect(containsExpression('PT${environment.variables.hours}H')).toBe(true);
    });

    it('ignores an unclosed or empty expression', () => {
      expect(containsExpression('${environment.variables')).toBe(false);
      expect(containsExpression('${}')).toBe(false);
    });
  });
});
