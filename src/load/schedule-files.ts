/** The files a folder source reads (and the watcher follows): format v1, the community files, calendars. */
export const SCHEDULE_FILE = /\.(ya?ml|json|ics|ical)$/i;
