using System.Text.Json;
using System.Text.Json.Serialization;
using HighRisk.Features.Pregnancies;
using HighRisk.Infrastructure.Web;
using Microsoft.AspNetCore.Http;

namespace HighRisk.Web.Tests.Validation;

/// <summary>
/// The one place that reads ASP.NET Core's and System.Text.Json's exception texts. The messages below are the
/// framework's own (RequestDelegateFactory's formats, and what the serializer throws here): if a framework update
/// rewords them, these tests fail rather than a client getting a vaguer 400.
/// </summary>
public class RequestFailuresTests
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        AllowDuplicateProperties = false,
    };

    [TestCase("Implicit body inferred for parameter \"command\" but no body was provided. Did you mean to use a Service instead?", "body", "BodyMissing", "The request needs a JSON body.")]
    [TestCase("Expected a supported JSON media type but got \"text/plain\".", "body", "BodyNotJson", "Send the body as JSON, with Content-Type: application/json.")]
    [TestCase("Failed to bind parameter \"Nullable<DateTimeOffset> from\" from \"yesterday\".", "from", "ParameterNotOfKind", "'yesterday' is not a date and time (ISO 8601).")]
    [TestCase("Failed to bind parameter \"Nullable<int> limit\" from \"abc\".", "limit", "ParameterNotOfKind", "'abc' is not a whole number.")]
    [TestCase("Failed to bind parameter \"Nullable<DateOnly> date\" from \"2026-02-30\".", "date", "ParameterNotOfKind", "'2026-02-30' is not a date (yyyy-MM-dd).")]
    [TestCase("Failed to bind parameter \"Guid id\" from \"x\".", "id", "ParameterNotOfKind", "'x' is not an id (a UUID).")]
    [TestCase("Failed to bind parameter \"Nullable<Guid> cursor\" from \"x\".", "cursor", "CursorUnknown", "The cursor is not one this API returned.")]
    [TestCase("Failed to bind parameter \"Widget w\" from \"x\".", "w", "ParameterInvalid", "Failed to bind parameter \"Widget w\" from \"x\".")]
    [TestCase("Required parameter \"Guid id\" was not provided from route.", "id", "ParameterInvalid", "Required parameter \"Guid id\" was not provided from route.")]
    [TestCase("The request could not be read.", "body", "ParameterInvalid", "The request could not be read.")]
    public void BadRequest_TheFrameworksMessage_NamesTheFieldWithItsCode(string message, string field, string code, string apiMessage)
    {
        var failure = RequestFailures.Of(new BadHttpRequestException(message));
        Assert.Multiple(() =>
        {
            Assert.That(failure.PropertyName, Is.EqualTo(field));
            Assert.That(failure.ErrorCode, Is.EqualTo(code));
            Assert.That(failure.ErrorMessage, Is.EqualTo(apiMessage));
        });
    }

    [Test]
    public void BodyOverTheLimit_IsTheBodyTooLarge()
    {
        var failure = RequestFailures.Of(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));
        Assert.That((failure.PropertyName, failure.ErrorCode, failure.ErrorMessage), Is.EqualTo(("body", "BodyTooLarge", "The request body is too large.")));
    }

    [TestCase("{\"nickname\": \"小李\"}", "nickname", "FieldUnknown", "'nickname' is not a known field.")]
    [TestCase("{\"history\": {\"twins\": 1}}", "history.twins", "FieldUnknown", "'history.twins' is not a known field.")]
    [TestCase("{\"heightCm\": \"158\"}", "heightCm", "ValueMalformed", "The value at 'heightCm' is malformed or of the wrong type.")]
    [TestCase("{\"history\": {\"gravidity\": \"two\"}}", "history.gravidity", "ValueMalformed", "The value at 'history.gravidity' is malformed or of the wrong type.")]
    [TestCase("{\"fullName\": ", "fullName", "ValueMalformed", "The value at 'fullName' is malformed or of the wrong type.")]
    [TestCase("[1]", "body", "ValueMalformed", "The value at 'body' is malformed or of the wrong type.")]
    [TestCase("{\"heightCm\": 158, \"heightCm\": 162}", "heightCm", "FieldRepeated", "'heightCm' is given more than once.")]
    public void JsonTheSerializerRefuses_NamesTheFieldWithItsCode(string json, string field, string code, string apiMessage)
    {
        var thrown = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BookPregnancy.Command>(json, Api))!;
        var wrapped = new BadHttpRequestException("Failed to read parameter \"Command command\" from the request body as JSON.", thrown);
        foreach (var failure in new[] { RequestFailures.Of(thrown), RequestFailures.Of(wrapped) })
        {
            Assert.Multiple(() =>
            {
                Assert.That(failure.PropertyName, Is.EqualTo(field));
                Assert.That(failure.ErrorCode, Is.EqualTo(code));
                Assert.That(failure.ErrorMessage, Is.EqualTo(apiMessage));
            });
        }
    }

    [Test]
    public void JsonWithoutAPath_IsNotValidJson()
    {
        var failure = RequestFailures.Of(new JsonException("'x' is an invalid start of a value."));
        Assert.That((failure.PropertyName, failure.ErrorCode, failure.ErrorMessage), Is.EqualTo(("body", "JsonInvalid", "The body is not valid JSON.")));
    }
}
