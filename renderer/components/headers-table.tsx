/** Headers in the order they travelled, duplicates kept. Values are plain text. */
export function HeadersTable({ headers }: { headers: [string, string][] }) {
  if (headers.length === 0) return <div className="muted">No headers</div>;
  return (
    <table className="kv-table headers-table">
      <tbody>
        {headers.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th scope="row">{name}</th>
            <td className="mono break">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
