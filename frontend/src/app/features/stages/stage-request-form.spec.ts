import { buildStageRequestForm, MAX_STAGE_DAYS, toStageRequest } from './stage-request-form';

describe('buildStageRequestForm()', () => {
  it('accepts a stage of exactly 26 weeks', () => {
    const form = setup();

    form.controls.startDate.setValue(new Date(2030, 0, 7));
    form.controls.endDate.setValue(new Date(2030, 0, 7 + MAX_STAGE_DAYS - 1));

    expect(form.controls.endDate.hasError('tooLong')).toBeFalse();
  });

  it('rejects a stage one day longer than 26 weeks', () => {
    const form = setup();

    form.controls.startDate.setValue(new Date(2030, 0, 7));
    form.controls.endDate.setValue(new Date(2030, 0, 7 + MAX_STAGE_DAYS));

    expect(form.controls.endDate.getError('tooLong')).toEqual({
      days: MAX_STAGE_DAYS + 1,
      max: MAX_STAGE_DAYS,
    });
  });

  it('checks the length again when the start date moves', () => {
    const form = setup();
    form.controls.startDate.setValue(new Date(2030, 0, 7));
    form.controls.endDate.setValue(new Date(2030, 6, 10));
    expect(form.controls.endDate.hasError('tooLong')).toBeTrue();

    form.controls.startDate.setValue(new Date(2030, 2, 1));

    expect(form.controls.endDate.hasError('tooLong')).toBeFalse();
  });

  it('rejects a start date in the past', () => {
    const form = setup();

    form.controls.startDate.setValue(new Date(2029, 11, 31));

    expect(form.controls.startDate.hasError('inPast')).toBeTrue();
  });

  it('requires a picked student when the user requests for a student', () => {
    const form = buildStageRequestForm(true, new Date(2030, 0, 1));

    form.controls.student.setValue('Peet');

    expect(form.controls.student.hasError('studentNotPicked')).toBeTrue();
  });
});

describe('toStageRequest()', () => {
  it('writes calendar dates, the trimmed motivation and the picked student', () => {
    const form = buildStageRequestForm(true, new Date(2030, 0, 1));
    form.controls.student.setValue({
      id: 7,
      firstName: 'Lina',
      lastName: 'Peeters',
      matricule: 'M7',
      programmeId: 1,
      year: 2,
    });
    form.controls.hospitalId.setValue(1);
    form.controls.campusId.setValue(2);
    form.controls.careUnitId.setValue(3);
    form.controls.startDate.setValue(new Date(2030, 3, 5));
    form.controls.endDate.setValue(new Date(2030, 4, 14));
    form.controls.motivation.setValue('  Cardiac care  ');

    expect(toStageRequest(form)).toEqual({
      studentId: 7,
      careUnitId: 3,
      startDate: '2030-04-05',
      endDate: '2030-05-14',
      motivation: 'Cardiac care',
    });
  });
});

function setup() {
  return buildStageRequestForm(false, new Date(2030, 0, 1));
}
