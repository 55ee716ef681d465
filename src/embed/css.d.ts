/** The stylesheet as text, for the embed to put into the page or a shadow root. */
declare module '*.css?inline' {
  const text: string;
  export default text;
}
