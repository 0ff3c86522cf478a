// The report every version of the API shows: the same content whichever path computed it.
export function computeReport(reportId) {
  let total = 0;
  for (const char of reportId) total += char.charCodeAt(0);
  return `report ${reportId}: ${reportId.length} orders, total ${total}`;
}
