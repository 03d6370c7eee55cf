/** How a model version is named on axes and in headings: "sentiment 2.1". */
export function modelVersionLabel(modelVersion: { name: string; version: string }): string {
  return `${modelVersion.name} ${modelVersion.version}`;
}
