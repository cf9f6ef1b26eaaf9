// Entry `queuecast/analytic`: the closed forms (Erlang B, C, A) and the staffing solver on them,
// for planning at a glance and for checking the simulator. No Node built-ins.
export * from '../analytic';
