using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace CareerCompass.Tests.Common;

/// <summary>
/// Finds every regular expression one of our assemblies uses, so a test can insist none of them backtracks or relies
/// on a match timeout. Shared by the domain and the web tests (linked into both projects).
/// </summary>
internal static class RegexAudit
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The Regex instances held in static fields, or returned by static parameterless methods ([GeneratedRegex]).</summary>
    public static IEnumerable<(string Name, Regex Regex)> HeldPatterns(Assembly assembly)
    {
        foreach (var type in OurTypes(assembly))
        {
            foreach (var field in type.GetFields(Declared | BindingFlags.Static).Where(f => typeof(Regex).IsAssignableFrom(f.FieldType)))
            {
                yield return ($"{type.Name}.{field.Name}", (Regex)field.GetValue(null)!);
            }

            foreach (var method in type.GetMethods(Declared | BindingFlags.Static)
                         .Where(m => typeof(Regex).IsAssignableFrom(m.ReturnType) && m.GetParameters().Length == 0 && !m.ContainsGenericParameters))
            {
                yield return ($"{type.Name}.{method.Name}()", (Regex)method.Invoke(null, null)!);
            }
        }
    }

    /// <summary>
    /// Places that build a pattern as they run — a static <c>Regex.IsMatch/Match/Replace…(input, pattern, …)</c> call, <c>new Regex(…, TimeSpan)</c>, or
    /// FluentValidation's <c>Matches("pattern")</c> — which <see cref="HeldPatterns"/> cannot see. Named "Type.Method → Type.Member".
    /// </summary>
    public static IEnumerable<string> PatternsBuiltOnTheFly(Assembly assembly)
    {
        foreach (var type in OurTypes(assembly))
        {
            foreach (var method in type.GetMethods(Declared | BindingFlags.Static | BindingFlags.Instance).Cast<MethodBase>()
                         .Concat(type.GetConstructors(Declared | BindingFlags.Static | BindingFlags.Instance)))
            {
                foreach (var called in Calls(method))
                {
                    if (BuildsAPattern(called))
                    {
                        yield return $"{type.FullName}.{method.Name} → {called.DeclaringType?.Name}.{called.Name}({string.Join(", ", called.GetParameters().Select(p => p.ParameterType.Name))})";
                    }
                }
            }
        }
    }

    private static bool BuildsAPattern(MethodBase called)
    {
        if (called.DeclaringType == typeof(Regex))
        {
            return called is ConstructorInfo
                ? called.GetParameters().Any(p => p.ParameterType == typeof(TimeSpan))
                : called.IsStatic && called.Name != nameof(Regex.Escape) && called.Name != nameof(Regex.Unescape);
        }

        // FluentValidation's Matches("pattern") builds its own back-tracking Regex, with a timeout; Matches(regex) is checked above.
        return called.DeclaringType?.FullName == "FluentValidation.DefaultValidatorExtensions" && called.Name == "Matches"
            && called.GetParameters().Any(p => p.ParameterType == typeof(string));
    }

    private static IEnumerable<Type> OurTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.Namespace?.StartsWith("CareerCompass", StringComparison.Ordinal) == true && !t.ContainsGenericParameters);

    /// <summary>The methods and constructors a method's IL calls (call, callvirt, newobj, ldftn).</summary>
    private static List<MethodBase> Calls(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }

        var found = new List<MethodBase>();
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += value < 0 ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out var opCode))
            {
                break;
            }

            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, i);
                try
                {
                    var genericMethodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
                    var resolved = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), genericMethodArgs);
                    if (resolved is not null)
                    {
                        found.Add(resolved);
                    }
                }
                catch (ArgumentException)
                {
                    // A token this method's generic context cannot resolve; nothing of Regex's.
                }
            }

            i += opCode.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
        }

        return found;
    }
}
