using System.Data.Common;

namespace Planner.Testing.Databases;

/// <summary>Plain ADO.NET reads for the catalog readers and the raw-SQL checks.</summary>
public static class CatalogQueries
{
    /// <summary>Runs a query with named parameters and maps each row.</summary>
    public static async Task<List<T>> ReadAsync<T>(this DbConnection connection, string sql, Func<DbDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
