using System.Diagnostics;
using System.Globalization;
using CareerCompass.Bench;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Pages.Reflection.Occupations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// `scale [--provider sqlite|postgresql|both] [--people N] [--seconds S] [--quick]`: the signed-in pages with 100 and N
// other people, one instance and two behind nginx, wrk at 32 connections; --quick only 100 people on one instance
// (Scale/ScaleBenchmark.cs).
if (args is ["scale", .. var scaleArgs])
{
    await CareerCompass.Bench.Scale.ScaleBenchmark.RunAsync(scaleArgs);
    return;
}

// `scale-serve …`: one app instance for the scale benchmark, in a process of its own (Scale/ScaleHost.cs).
if (args is ["scale-serve", .. var serveArgs])
{
    Environment.ExitCode = await CareerCompass.Bench.Scale.ScaleHost.RunAsync(serveArgs);
    return;
}

// `reminders [people]`: the reminder dispatcher on a large database (ReminderBenchmark.cs).
if (args is ["reminders", .. var rest])
{
    await ReminderBenchmark.RunAsync(rest);
    return;
}

// `caseload [runs]`: the counsellor caseload's queries for 10, 100 and 1,000 clients (CaseloadBenchmark.cs).
if (args is ["caseload", .. var caseloadArgs])
{
    await CaseloadBenchmark.RunAsync(caseloadArgs);
    return;
}

// `coach`: the SMART coach's agreement with the hand-labelled corpus in tests/coach-corpus (CoachBenchmark.cs).
if (args is ["coach", .. var coachArgs])
{
    CoachBenchmark.Run(coachArgs);
    return;
}

// `search [runs] [--show]`: occupation search (words, stems, typos) per query (SearchBenchmark.cs).
if (args is ["search", .. var searchArgs])
{
    await SearchBenchmark.RunAsync(searchArgs);
    return;
}

// `search-cpu [runs]`: the cold search's CPU time per call against a bare read, for comparing builds on a loaded machine (SearchCpuBenchmark.cs).
if (args is ["search-cpu", .. var cpuArgs])
{
    await SearchCpuBenchmark.RunAsync(cpuArgs);
    return;
}

// `suggest [runs]`: the suggestion ranker over all occupations for a few people, and the explore page's step (SuggestBenchmark.cs).
if (args is ["suggest", .. var suggestArgs])
{
    await SuggestBenchmark.RunAsync(suggestArgs);
    return;
}

// `writes [seconds] [--provider Sqlite|PostgreSQL] [--connection ...]`: 32 concurrent small writes through the DbContext (WriteBenchmark.cs).
if (args is ["writes", .. var writeArgs])
{
    await WriteBenchmark.RunAsync(writeArgs);
    return;
}

// `search-http [seconds]`: the search page against a bare page over HTTP on Kestrel, 32 connections (HttpSearchBenchmark.cs).
if (args is ["search-http", .. var httpArgs])
{
    await HttpSearchBenchmark.RunAsync(httpArgs);
    return;
}

// `pages [seconds] [rounds]`: the dashboard and a goal page against bare pages over HTTP on Kestrel, 32 connections (PagesBenchmark.cs).
if (args is ["pages", .. var pagesArgs])
{
    await PagesBenchmark.RunAsync(pagesArgs);
    return;
}

// No command (or just a number of runs): the occupation search benchmark, as before the `search` command existed.
await SearchBenchmark.RunAsync(args);
