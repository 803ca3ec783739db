namespace UserGroupClient.Testing.Owl;

/// <summary>A body gin's <c>BindJSON</c> cannot decode: the pipeline answers HTTP 400 with the decoder's text.</summary>
internal sealed class OwlBadRequestException(string message) : Exception(message);
