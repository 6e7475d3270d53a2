// A single-page app: everything renders in the browser from the local database.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
