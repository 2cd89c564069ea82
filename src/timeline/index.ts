/** The task timeline view; everything else in this folder is its parts. */
export { TaskTimeline, type TaskTimelineProps } from './TaskTimeline';
