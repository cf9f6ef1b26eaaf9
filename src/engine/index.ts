export { EventCalendar } from './calendar';
export { Simulation, type EventHandler } from './simulation';
export { yieldToHost } from './yieldToHost';
