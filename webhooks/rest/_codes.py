"""The platform's error codes and their meanings.

Generated from ``errors.tsv`` by :mod:`webhooks.rest._codegen`; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["MEANINGS"]

MEANINGS: Final[Mapping[int, str]] = {
    10000: "Inbound call received",
    10001: "Account is not active",
    10002: "Trial account does not support this feature",
    10003: "Incoming call rejected due to inactive account",
    10004: "Invalid credentials supplied",
    10005: "You've been suspended due to a negative account balance prolonging more than 30 days",
    10006: "Inbound fax received",
    10007: "Welcome message sent",
    10010: "Password reset requested",
    10011: "Password was reset",
    10012: "Account exists for username",
    10020: "Incoming call rejected due to low balance",
    10021: "REST API call rejected due to low balance",
    10022: "REST API call rejected with incorrect parameters",
    10023: "Incoming call rejected due to no trunk ports available and bursting disabled",
    10031: "Rate could not be found for outbound dial. Contact support",
    10032: "Rate could not be found for renewal did profile",
    11100: "Invalid URL format",
    11101: "Invalid URL! Not valid InboundXML document",
    11102: (
        "Invalid URL! Please make sure that InboundXML document is properly encoded against XML "
        "standards!"
    ),
    11200: "HTTP retrieval failure",
    11205: "HTTP connection failure",
    11206: "HTTP protocol violation",
    11210: "HTTP bad host name",
    11215: "HTTP too many redirects",
    11216: "HTTP unsupported method",
    11217: "HTTP callback fetched",
    12100: "Document parse failure",
    12101: "Invalid TelAPI Markup XML version",
    12102: "The root element must be Response",
    12105: "Used Fallback URL due to error with primary URL",
    12200: "Schema validation warning",
    12300: "Invalid Content-Type",
    12301: "Length of the URL is bigger than allowed",
    12400: "Internal Failure",
    13201: "Dial: Cannot Dial out from a Dial Call Segment",
    13210: "Dial: Invalid method value",
    13212: "Dial: Invalid timeout value",
    13213: "Dial: Invalid hangupOnStar value",
    13214: "Dial: Invalid callerId value",
    13215: "Dial: Invalid nested element",
    13216: "Dial: Invalid timeLimit value",
    13221: "Dial->Number: Invalid method value",
    13222: "Dial->Number: Invalid sendDigits value",
    13223: "Dial: Invalid phone number format",
    13224: "Dial: Invalid phone number",
    13225: "Dial: Forbidden phone number",
    13226: "Dial: Destination address is missing",
    13227: "Dial: Invalid user specified",
    13230: "Dial->Conference: Invalid muted value",
    13231: "Dial->Conference: Invalid endConferenceOnExit value",
    13232: "Dial->Conference: Invalid startConferenceOnEnter value",
    13233: "Dial->Conference: Invalid waitUrl",
    13234: "Dial->Conference: Invalid waitMethod",
    13235: "Dial->Conference: Invalid beep value",
    13236: "Dial->Conference: Invalid Conference Sid",
    13237: "Dial->Conference: Invalid Conference Name",
    13238: "Dial->Conference: Invalid Verb used in waitUrl TelML",
    13239: "Dial->User Sorry, this user is not currently reachable in this Application",
    13310: "Gather: Invalid finishOnKey value",
    13312: "Gather: Invalid method value",
    13313: "Gather: Invalid timeout value",
    13314: "Gather: Invalid numDigits value",
    13320: "Gather: Invalid nested verb",
    13321: "Gather->Say: Invalid voice value",
    13322: "Gather->Say: Invalid loop value",
    13325: "Gather->Play: Invalid Content-Type",
    13335: "GetSpeech: Invalid SRGS grammar file",
    13410: "Play: Invalid loop value",
    13420: "Play: Invalid Content-Type",
    13421: "Play: No file URL provided",
    13425: "Play: Only MP3 is currently supported",
    13427: "Only POST is supported",
    13510: "Say: Invalid loop value",
    13511: "Say: Invalid voice value",
    13520: "Say: Invalid text",
    13527: "Eavesdrop: Invalid call sid value provided",
    13528: "Eavesdrop: Provided call sid could not be found",
    13529: "Eavesdrop: Call must be in active state in order to apply eavesdrop action",
    13530: "SendFax: Could not fetch fax image",
    13531: "SendFax: Invalid file format",
    13535: "ReceiveFax: Invalid file URL",
    13610: "Record: Invalid method value",
    13611: "Record: Invalid timeout value",
    13612: "Record: Invalid maxLength value",
    13613: "Record: Invalid finishOnKey value",
    13614: "There is no recording URL available. Recording cannot be transcribed",
    13710: "Redirect: Invalid method value",
    13910: "Pause: Invalid length value",
    14101: 'Invalid "To" attribute',
    14102: 'Invalid "From" attribute',
    14103: "Invalid Body",
    14104: "Invalid Method attribute",
    14105: "Invalid statusCallback attribute",
    14106: "Document retrieval limit reached",
    14107: "SMS send rate limit exceeded",
    14108: "From phone number not SMS capable",
    14109: "SMS Reply message limit exceeded",
    14110: "Invalid Verb for SMS Reply",
    14111: "Invalid To phone number for Trial mode",
    14115: "MMS: Could not fetch file",
    14116: "MMS: File size was bigger than maximum allowed (25M)",
    14117: "MMS: File type could not be determined or is unsupported",
    14160: "Unable to send SMS. Contact support",
    14200: "Only one phone number allowed for trial accounts",
    14201: "Daily spending limit exceeded",
    20001: "Unknown parameters",
    20002: "Invalid FriendlyName",
    20003: "Permission Denied",
    20004: "Method not allowed",
    20005: "Account not active",
    20006: "Access Denied",
    20007: "Username cannot be found",
    20008: "Password is not specified",
    20009: "SSO Account could not be found",
    20010: "SSO Account not available",
    21201: "No 'To' number specified",
    21202: "'To' number is a premium number",
    21203: "International calling not enabled",
    21204: "Call could not be found",
    21205: "Invalid URL",
    21206: "Invalid SendDigits",
    21207: "Invalid IfMachine",
    21208: "Invalid Timeout",
    21209: "Invalid Method",
    21210: "'From' phone number not verified",
    21211: "Invalid 'To' Phone Number",
    21212: "Invalid 'From' Phone Number",
    21213: "'From' phone number is required",
    21214: "'To' Phone Number cannot be reached",
    21215: "Account not authorized to call phone number",
    21216: "Account not allowed to call phone number",
    21217: "Phone number does not appear to be valid",
    21218: "Invalid ApplicationSid",
    21219: "'From' phone number not verified",
    21220: "Invalid call state",
    21221: "Call is not active. Resource access is allowed only for active (live) calls",
    21222: "Sound effect parameter is out of bounds. Please consult documentation for more details",
    21227: "SID Could not be found",
    21228: "SID Could not be found in a timely fashion",
    21229: "Invalid StatusCallback provided. If set, it must be a valid URL",
    21230: "Invalid StatusUrl provided. If set, it must be a valid URL",
    21231: "Invalid FallbackUrl provided. If set, it must be a valid URL",
    21232: "Invalid HeartbeatUrl provided. If set, it must be a valid URL",
    21233: "Invalid HeartbeatCallback provided. If set, it must be a valid URL",
    21234: "Invalid IfMachineUrl provided. If set, it must be a valid URL",
    21235: (
        "We could not find requested application client. Please make sure client is online first"
    ),
    21236: (
        "Please make sure to pass Application where client belongs to in order to be able dial "
        "client"
    ),
    21401: "Invalid Phone Number",
    21402: "Invalid Url",
    21403: "Invalid Method",
    21404: "Inbound phone numbers not available to trial accounts",
    21405: "Cannot set VoiceFallbackUrl without setting Url",
    21406: "Cannot set SmsFallbackUrl without setting SmsUrl",
    21407: "This Phone Number type does not support SMS",
    21408: "No PhoneNumber or AreaCode POSTed",
    21450: "Phone number already verified for your account",
    21451: "Invalid area code",
    21452: "No phone numbers found in area code",
    21453: "Phone number already verified for another account",
    21454: "Invalid CallDelay",
    21455: "Phone number already purchased for another account",
    21457: "AreaCode not supported",
    21458: "PhoneNumber provisioning type mismatch",
    21501: "Resource not available",
    21502: "Invalid callback url",
    21503: "Invalid transcription type",
    21504: "RecordingSid is required.",
    21507: "Recording parameter 'direction' must be one of 'in', 'out' or 'both'",
    21508: "Recording could not be started",
    21509: "Recording could not be stopped",
    21510: "Call has too many recordings",
    21601: "Phone number is not a valid SMS-capable inbound phone number",
    21602: "Message body is required",
    21603: "'From' phone number is required to send an SMS",
    21604: "'To' phone number is required to send an SMS",
    21605: "Maximum SMS body length is 160 characters",
    21606: (
        "The 'From' phone number provided is not a valid, SMS-capable inbound phone number for "
        "your account"
    ),
    21608: "The Sandbox number can send messages only to verified numbers",
    21609: "Unable to route SMS",
    21610: "Maximum Unicode SMS body length is 70 characters",
    21611: "SMS To address cannot be the same as the From address",
    21650: "In order to lookup rate center you need to pass region",
    30000: "Low account balance warning",
    30002: "Payment applied",
    30003: "Phone number purchased",
    30004: "Could not apply payment for autoreplenish",
    30005: "Phone number renewed",
    30006: "Channel renewed",
    31003: "Channel purchased",
    31004: "The account does not have sufficient funds to allocate this port",
    31005: (
        "The account does not have sufficient funds to allocate this port. In order to use auto "
        "replenisher you will need to increase replenish amount!"
    ),
    31006: (
        "Your request for lookup has been rejected. Given phone number country code is not "
        "supported"
    ),
    31007: "Lookup for specified phone number is not supported",
    31008: "Rate could not be found for requested destination number",
    31009: "Rate group you have requested to lookup does not exist",
    31010: (
        "Sorry, we currently do not support that destination for SMS. Please contact support if "
        "you need more information"
    ),
    31011: "Payment refused! Your billing location does not match credit card location!",
    31012: "Invalid Credit Card provided. Please enter credit card in order to continue!",
    31013: "Invalid amount specified",
    31014: "Invalid balance threshold specified",
    31015: "There is no replenish setup to deactivate",
    31016: "Requested phone number CNAM details could not be discovered",
    31017: "Requested phone number Carrier details could not be discovered",
    31026: (
        "Requested phone number details could not be discovered (rest-lookups); Rate could not be"
        " found (billing)"
    ),
    31018: "Specified timezone is not supported!",
    31019: "Credit card has been declined!",
    31020: "BNA details could not be discovered for requested phone number",
    31021: "CNAM details could not be discovered for requested phone number",
    31022: "Phone number purchase rejected due to low account balance",
    31023: (
        "Invalid Nickname provided. You need to provide nickname in order to generate application"
        " client token"
    ),
    31024: "Call loop detected",
    31025: "Payment declined",
    31027: "SMS loop detected",
    32000: "Invalid source number provided",
    32001: "Invalid destination number provided",
    32002: "Sending SMS rejected due to low account balance",
    32003: (
        "The From phone number provided is not a valid, SMS-capable inbound phone number or short"
        " code for your account"
    ),
    32004: "SIP user is not available.",
    32005: "Invalid Date filter provided",
    40000: "Inbound SMS Received",
    40001: "Outbound SMS Sent",
    40005: "Bad XML at SMS Request URL",
    40003: "Source number (From) cannot be the same as destination number (To)",
    45000: "Invalid usage trigger category provided",
    45001: "Invalid usage trigger by provided",
    45002: "Invalid usage recurring type provided",
    45003: "Invalid usage callback url provided",
    45004: "Invalid usage callback method provided",
    45005: "Invalid usage trigger value provided",
    45006: "Failed to send usage trigger callback",
    45007: "Usage trigger callback successfully sent",
    50001: "Trunk does not allow IncomingNumber to be assigned to it. Prefix not allowed",
    50005: "Fatal error transcribing audio",
    50006: "Fatal error transcribing audio due to missing or invalid media url",
    50007: "Internal error playing sound",
    50008: "Cannot play sound to inactive call",
    50009: "Internal error stopping sounds",
    60000: "POST, PUT, DELETE methods are not allowed",
    60001: "Only POST method is allowed",
    60002: "Only POST and DELETE methods are allowed",
    61000: "Invalid Member ID",
    61001: "Invalid Conference (Say) text",
    61002: "Conference with specified name cannot be found",
    61003: "Invalid or missing Play URL",
    61004: "Invalid Conference call provided",
    62000: (
        "Invalid username provided. Please make sure to pass valid username in order to create "
        "SIP credential"
    ),
    62001: (
        "Invalid password provided. Please make sure to pass valid password in order to create "
        "SIP credential"
    ),
    62002: "SIP credential for specified username already exist. Please pick different username",
    62003: (
        "Invalid password provided. Please make sure to pass valid password in order to updated "
        "SIP credential"
    ),
    62004: (
        "Invalid ip address provided. Please make sure to pass valid ip address in order to "
        "update record"
    ),
    62005: (
        "Invalid ip address provided. Please make sure to pass valid ip address in order to "
        "create record"
    ),
    62006: (
        "Ip Address for specified addresses already exist. Please pick different ip address "
        "(rest-sip); Domain name is not valid. Please make sure domain name is set and contains "
        "only letters, digits and/or dash (rest-sip)"
    ),
    62007: "Domain name is not available. Please pick another name",
    62008: "Invalid ip access control list sid provided. Please sure one exist first",
    62009: "IP access control list is already assigned to domain",
    62010: "Invalid ip access control list sid provided. Please sure one exist first",
    62011: "IP access control list is not assigned to domain. Removal rejected",
    62012: "Invalid credential list sid provided. Please sure one exist first",
    62013: "Credential list is already assigned to domain",
    62014: "Invalid credential list sid provided. Please sure one exist first",
    62015: "Credential list is not assigned to domain. Removal rejected",
    62016: "Ip address already exist for specified ip access control list",
    70001: "Country could not be authorized",
    70002: "Requested country is not supported",
    70003: "Requested country is already blocked",
    70004: "Country could not be removed from whitelisted destinations",
    70005: "Outbound call you are trying to make costs more than allowed",
    70006: "You do not have permission to place this call",
    70007: "Country added to blacklisted destinations",
    70008: "You do not have permission to send this SMS",
    70009: "The account does not have sufficient privileges to send this SMS. Fraud detected",
    70010: "Calls to mobile numbers are disabled by fraud system",
    70011: "Calls to landline numbers are disabled by fraud system",
    70012: (
        "Authorization has expired and destination has returned to fully blocked status. Call "
        "rejected"
    ),
    70013: "The destination you are trying to call is blocked by fraud system",
    70014: "You do not have privileges to alter selected destination. Please contact support",
    70015: (
        "This account can not send this SMS. TelAPI has detected a large number of messages with "
        "the same body sent in a short period of time"
    ),
    70016: (
        "This account can not send this MMS. TelAPI has detected a large number of messages with "
        "the same body sent in a short period of time"
    ),
    80000: (
        "You don't have permission to send SMS to requested destination ( 'TO' ) number. The "
        "recipient has requested not to receive messages from your account"
    ),
    80001: (
        "You don't have permission to send SMS to requested destination ( 'TO' ) number. During "
        "trial only destinations to US are allowed"
    ),
    80002: (
        "You don't have permission to send MMS to requested destination ( 'TO' ) number. During "
        "trial only destinations to US are allowed"
    ),
    88000: "Please make sure to write full and unique name in order to create new form id",
    0: "Status OK",
    8: "Request validation failed",
    9: "Error writing to DB",
    11: "Error updating to DB",
    12: "Error deleting record, sid may not exist",
    13: "Invalid (From) address",
    14: "Invalid (To) address",
    15: "Error while trying to parse media information",
    16: "Provider Error",
    19: "Error sending data to callback",
    21: "(From) and (To) address are the same",
    22: "Failure threshold reached, server circuit breaker tripped",
    24: "Error getting info from rating",
    25: "(To) number is 911, denied request",
    26: "Sending more messages per second than allowed",
    31: "Message body size exceeded",
    32: "Invalid Account",
    33: "Empty message",
    36: "Account is blocked by destination address",
    38: "Could not fetch (To) address from DB",
    39: "Could not fetch (From) address from DB",
    40: "(From) address is not active",
    41: "SMS not enabled on (From) address",
    42: "MMS not enabled on (From) address",
    43: "(From) address is not 10DLC enabled",
    44: "Account Sid mismatch",
    45: "Blank (From) or (To) address",
    46: "Sending more SMS messages per second than allowed",
    47: "Sending more MMS messages per second than allowed",
    48: "Blank message body for SMS",
    49: "Blank message and media URL for MMS",
    50: "Error sending on outbound queue",
    51: "Unknown message type",
    52: "Failed to fetch MMS message sid",
    53: "Error fetching SMS records",
    54: "Error fetching MMS records",
    55: "Error deleting SMS record",
    56: "Error deleting MMS record",
}
