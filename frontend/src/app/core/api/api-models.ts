/** Process phases of a stage, in the order the default process runs through them. */
export const PHASES = [
  'request',
  'acceptance',
  'preparation',
  'execution',
  'validation',
  'evaluation',
  'recruitment',
  'closed',
] as const;

/** One of {@link PHASES}. */
export type Phase = (typeof PHASES)[number];

/** Lifecycle status of a stage, independent of its phase. */
export type StageStatus = 'active' | 'refused' | 'completed' | 'cancelled';

/** A database id. The API sends numbers; the client passes them back as they came. */
export type Id = number | string;

/** Roles a user can hold, as the server names them. */
export type Role =
  | 'student'
  | 'school_coordinator'
  | 'hospital_coordinator'
  | 'supervisor'
  | 'badge_manager'
  | 'hygienist'
  | 'institution_admin'
  | 'platform_admin';

/** The signed-in user as returned by `GET /api/me` and `POST /api/auth/login`. */
export interface SessionUser {
  id: Id;
  email: string;
  name: string;
  roles: Role[];
  institutionId: Id | null;
  careUnitId: Id | null;
  studentId: Id | null;
  locale: string | null;
}

/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A hospital or a school. */
export interface Institution {
  id: Id;
  kind: 'hospital' | 'school';
  name: string;
  city: string;
}

/** A site of a hospital. */
export interface Campus {
  id: Id;
  hospitalId: Id;
  name: string;
}

/** A care unit on a campus, which hosts stages. */
export interface CareUnit {
  id: Id;
  hospitalId: Id;
  campusId: Id;
  name: string;
  department: string;
  section: string;
  /** Places still free for new stages; null when the unit does not track capacity. */
  freePlaces: number | null;
}

/** A programme taught by a school. */
export interface Programme {
  id: Id;
  schoolId?: Id;
  name: string;
}

/** A student as a school coordinator sees them. */
export interface Student {
  id: Id;
  firstName: string;
  lastName: string;
  matricule: string;
  programmeId: Id;
  year: number;
}

/** A stage as listed by `GET /api/stages`. */
export interface Stage {
  id: Id;
  phase: Phase;
  status: StageStatus;
  /** Calendar date, `YYYY-MM-DD`. */
  startDate: string;
  /** Calendar date, `YYYY-MM-DD`. */
  endDate: string;
  student: { id: Id; firstName: string; lastName: string };
  careUnit: { id: Id; name: string; department: string; campusName: string };
  hospital: { id: Id; name: string };
  school: { id: Id; name: string };
  programme: { id: Id; name: string };
  motivation: string;
}

/** One entry of a stage's history: an activity started or ended, a decision, a phase change. */
export interface StageHistoryEntry {
  id: Id;
  /** ISO timestamp. */
  at: string;
  type: string;
  activityId: string | null;
  activityName: string | null;
  phase: Phase | null;
  actor: { id: Id; name: string } | null;
  data: Record<string, unknown> | null;
}

/** Someone taking part in a stage, such as the student or the supervisor. */
export interface StageParticipant {
  role: Role | string;
  name: string;
  email: string;
}

/** A stage with its history, open tasks and participants, from `GET /api/stages/:id`. */
export interface StageDetail extends Stage {
  history: StageHistoryEntry[];
  tasks: Task[];
  participants: StageParticipant[];
}

/** Input types a task form field can have. */
export type FormFieldType = 'string' | 'text' | 'number' | 'boolean' | 'date' | 'enum';

/** One field of a user task's form, as declared in the BPMN definition. */
export interface FormField {
  name: string;
  type: FormFieldType;
  required: boolean;
  /** Allowed values of an `enum` field. */
  options: string[];
  /** Label from the definition; when empty, the client uses `form.<activityId>.<name>`. */
  label: string | null;
}

/** A user task waiting for someone, with a summary of its stage. */
export interface Task {
  id: Id;
  stageId: Id;
  activityId: string;
  name: string;
  phase: Phase;
  candidateRole: Role | string;
  assignee: { id: Id; name: string } | null;
  dueAt: string | null;
  createdAt: string;
  status: 'open' | 'completed' | 'cancelled';
  form: { fields: FormField[] };
  stage: {
    id: Id;
    phase?: Phase;
    startDate: string;
    endDate: string;
    student: { firstName: string; lastName: string };
    careUnit: { name: string };
    school: { name: string };
  };
}
