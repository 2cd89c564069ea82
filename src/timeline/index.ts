/** The task timeline view; everything else in this folder is its parts. */
export { TaskTimeline } from './TaskTimeline';
