var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "HighRisk");
app.Run();

public partial class Program;
