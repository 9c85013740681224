using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareerCompass.Web.Infrastructure.Security;

/// <summary>
/// Binds yes/no fields (checkboxes post "true" and then the hidden "false"). Anything else gets a plain message and
/// is remembered as "false": the framework's binder keeps the raw text, and the checkbox tag helper then throws
/// while drawing the form again — a 500 for any client that sends <c>RememberMe=maybe</c>.
/// </summary>
internal sealed class BooleanModelBinder(bool nullable) : IModelBinder
{
    public const string Message = "That doesn't look right. Please choose yes or no.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var values = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (values == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        var first = values.FirstValue;
        if (bool.TryParse(first, out var value))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            bindingContext.Result = ModelBindingResult.Success(value);
        }
        else if (string.IsNullOrWhiteSpace(first) && nullable)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, values);
            bindingContext.Result = ModelBindingResult.Success(null);
        }
        else
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, new ValueProviderResult("false"));
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Message);
            bindingContext.Result = ModelBindingResult.Failed();
        }

        return Task.CompletedTask;
    }
}

internal sealed class BooleanModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(bool) ? new BooleanModelBinder(nullable: false)
        : context.Metadata.ModelType == typeof(bool?) ? new BooleanModelBinder(nullable: true)
        : null;
}
