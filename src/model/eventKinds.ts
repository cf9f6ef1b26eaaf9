// The kinds of event a center puts on the engine's calendar, and what their subject and tag are.
export const ARRIVAL = 0; // subject: line
export const STAFFING = 1; // subject: group, tag: interval
export const CALL_END = 2; // subject: slot
export const PATIENCE = 3; // subject: slot, tag: generation
export const DIAL_END = 4; // subject: slot
export const REQUEUE = 5; // subject: slot
export const OVERFLOW = 6; // subject: slot, tag: generation
export const REDIAL = 7; // subject: slot
export const WRAP_UP_END = 8; // subject: slot
export const CLOSE = 9; // subject: line (one whose callers on hold are disconnected at closing)
export const TIMEOUT = 10; // subject: slot, tag: generation (a wait that reached the line's maxWaitSeconds)
